import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { getWorklist, listCases, type CaseFilter, type CasePage } from '../../api/cases.ts';
import { listItems } from '../../api/items.ts';
import type { CaseView } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { deadlineFlag, mainDeadline, mainStatus } from '../../format/deadlines.ts';
import { formatTime, stateLabel } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';

const STATES = ['received', 'correcting', 'accepted', 'reviewing', 'reported', 'approved', 'denied', 'delivering', 'concluded', 'returned', 'withdrawn'];

const PAGE = 50;

/** One page of the queue or of the work list, in the server's order (the most urgent first). */
async function pageOf(source: 'queue' | 'worklist', filter: CaseFilter, cursor?: string): Promise<CasePage> {
  if (source === 'worklist') {
    const w = await getWorklist(cursor, PAGE);
    return { items: w.items, nextCursor: w.nextCursor, total: w.counts.todo };
  }
  return listCases({ ...filter, ...(cursor ? { cursor } : {}) });
}

/** The due column: an immediate item's target, or the promised due date, with its light and marks. */
function DueCell({ c }: { c: CaseView }) {
  if (c.target) {
    const over = c.target.exceeded;
    return (
      <Space size={4} wrap>
        <span>{formatTime(c.target.targetAt)}</span>
        <Tag>{m.queue.target(c.target.targetMinutes)}</Tag>
        {c.open !== false && !over && <span style={{ color: '#888' }}>{m.queue.minutesLeft(c.target.minutesLeft)}</span>}
        {over && <Tag color="red">{m.queue.overTarget}</Tag>}
      </Space>
    );
  }
  const due = mainDeadline(c.deadlines) ?? c.dueAt ?? undefined;
  const flag = deadlineFlag(due, Date.now(), c.overdue, c.deadlineStatus ?? mainStatus(c.deadlines));
  return (
    <Space size={4} wrap>
      <span>{formatTime(due)}</span>
      {c.dueProvisional && <Tooltip title={m.queue.provisionalHint}><Tag color="orange">{m.queue.provisional}</Tag></Tooltip>}
      {typeof c.remainingWorkingDays === 'number' && flag !== 'red' && (
        <span style={{ color: '#888' }}>{m.casePage.remaining(c.remainingWorkingDays)}</span>
      )}
      {flag === 'red' && <Tag color="red">{m.queue.overdue}</Tag>}
      {flag === 'yellow' && <Tag color="gold">{m.queue.dueSoon}</Tag>}
    </Space>
  );
}

/**
 * The queue (or the work list): cases of the user's organisations in the server's order — the
 * earliest due first — a page at a time, with the real total and 加载更多 for the next page.
 */
export function CaseTable({ fixed = {}, source = 'queue', emptyText }: { fixed?: CaseFilter; source?: 'queue' | 'worklist'; emptyText?: string }) {
  const navigate = useNavigate();
  const [filter, setFilter] = useState<CaseFilter>({});
  const [q, setQ] = useState('');
  const items = useAsync(listItems, []);
  const [reloads, setReloads] = useState(0);
  const effective = useMemo(() => ({ ...filter, ...fixed }), [JSON.stringify(filter), JSON.stringify(fixed)]); // eslint-disable-line react-hooks/exhaustive-deps
  const first = useAsync(() => pageOf(source, effective), [effective, source, reloads]);
  const [more, setMore] = useState<{ rows: CaseView[]; next: string | null | undefined; loading: boolean; error?: Error }>({ rows: [], next: undefined, loading: false });
  useEffect(() => setMore({ rows: [], next: undefined, loading: false }), [first.data]);
  const rows = useMemo(() => [...(first.data?.items ?? []), ...more.rows], [first.data, more.rows]);
  const next = more.next === undefined ? first.data?.nextCursor : more.next;
  const names = useMemo(() => new Map((items.data ?? []).map((i) => [i.code, i.name])), [items.data]);
  const loadMore = async () => {
    if (!next) return;
    setMore((s) => ({ ...s, loading: true }));
    try {
      const page = await pageOf(source, effective, next);
      setMore((s) => ({ rows: [...s.rows, ...page.items], next: page.nextCursor ?? null, loading: false }));
    } catch (e) {
      setMore((s) => ({ ...s, loading: false, error: e instanceof Error ? e : new Error(String(e)) }));
    }
  };
  const total = first.data?.total;

  return (
    <>
      {source === 'queue' && (
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          autoFocus
          data-shortcut="search"
          aria-label={m.app.search}
          enterButton={m.app.search}
          placeholder={m.queue.searchPlaceholder}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setFilter((f) => ({ ...f, q: v || undefined }))}
          style={{ width: 240 }}
        />
        {!fixed.state && (
          <Select
            allowClear
            aria-label={m.queue.state}
            placeholder={m.queue.state}
            style={{ width: 140 }}
            options={STATES.map((s) => ({ value: s, label: m.states[s] }))}
            onChange={(v: string | undefined) => setFilter((f) => ({ ...f, state: v }))}
          />
        )}
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={m.queue.item}
          placeholder={m.queue.item}
          style={{ width: 220 }}
          options={(items.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
          onChange={(v: string | undefined) => setFilter((f) => ({ ...f, itemCode: v }))}
        />
        <Checkbox onChange={(e) => setFilter((f) => ({ ...f, overdue: e.target.checked || undefined }))}>
          {m.queue.onlyOverdue}
        </Checkbox>
        <Button onClick={() => setReloads((n) => n + 1)}>{m.app.refresh}</Button>
      </Space>
      )}
      <ErrorNote error={first.error ?? more.error} />
      <Table<CaseView>
        rowKey="id"
        size="small"
        loading={first.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 'calc(100vh - 290px)' }}
        locale={{ emptyText: emptyText ?? m.queue.empty }}
        // Rows take focus (Tab) and open with Enter, as well as by double-click.
        onRow={(c) => ({
          tabIndex: 0,
          onDoubleClick: () => navigate(`/workbench/cases/${c.id}`),
          onKeyDown: (e) => { if (e.key === 'Enter') navigate(`/workbench/cases/${c.id}`); },
        })}
        columns={[
          { title: m.queue.number, dataIndex: 'number', width: 200 },
          { title: m.queue.item, render: (_, c) => c.itemName ?? names.get(c.itemCode) ?? c.itemCode },
          { title: m.queue.applicant, render: (_, c) => c.applicantName ?? (typeof c.applicant === 'object' ? c.applicant?.name : c.applicant) ?? '', width: 100 },
          { title: m.queue.state, render: (_, c) => c.stateName ?? stateLabel(c.state), width: 150 },
          { title: m.queue.receivedAt, width: 150, render: (_, c) => formatTime(c.receivedAt) },
          { title: m.queue.due, width: 300, render: (_, c) => <DueCell c={c} /> },
          {
            title: m.app.actions,
            width: 80,
            render: (_, c) => (
              <Button size="small" type="link" onClick={() => navigate(`/workbench/cases/${c.id}`)}>
                {m.queue.open}
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }} data-testid="queue-total">
        {typeof total === 'number' && <span>{m.queue.shown(rows.length, total, first.data?.totalCapped)}</span>}
        {next && <Button loading={more.loading} onClick={() => void loadMore()}>{m.queue.more}</Button>}
      </Space>
    </>
  );
}
