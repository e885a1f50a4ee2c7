import { useMemo, useState } from 'react';
import { Button, Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { listCases, type CaseFilter } from '../../api/cases.ts';
import { listItems } from '../../api/items.ts';
import type { CaseView } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { deadlineFlag, mainDeadline, mainStatus } from '../../format/deadlines.ts';
import { formatTime, stateLabel } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';

const STATES = ['received', 'correcting', 'accepted', 'reviewing', 'reported', 'approved', 'denied', 'delivering', 'concluded', 'returned', 'withdrawn'];

function dueOf(c: CaseView): string {
  return mainDeadline(c.deadlines) ?? c.dueAt ?? '9999';
}

/** The queue: cases of the user's organisations, earliest deadline first, with flags and filters. */
export function CaseTable({ fixed = {} }: { fixed?: CaseFilter }) {
  const navigate = useNavigate();
  const [filter, setFilter] = useState<CaseFilter>({});
  const [q, setQ] = useState('');
  const items = useAsync(listItems, []);
  const cases = useAsync(() => listCases({ ...filter, ...fixed }), [JSON.stringify(filter), JSON.stringify(fixed)]);
  const names = useMemo(() => new Map((items.data ?? []).map((i) => [i.code, i.name])), [items.data]);
  const rows = useMemo(
    () => [...(cases.data?.items ?? [])].sort((a, b) => dueOf(a).localeCompare(dueOf(b))),
    [cases.data],
  );

  return (
    <>
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
        <Button onClick={cases.reload}>{m.app.refresh}</Button>
      </Space>
      <ErrorNote error={cases.error} />
      <Table<CaseView>
        rowKey="id"
        size="small"
        loading={cases.loading}
        dataSource={rows}
        pagination={{ pageSize: 15, showTotal: m.app.total }}
        locale={{ emptyText: m.queue.empty }}
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
          { title: m.queue.state, render: (_, c) => stateLabel(c.state), width: 130 },
          { title: m.queue.receivedAt, width: 150, render: (_, c) => formatTime(c.receivedAt) },
          {
            title: m.queue.due,
            width: 300,
            render: (_, c) => {
              const due = mainDeadline(c.deadlines) ?? c.dueAt ?? undefined;
              const flag = deadlineFlag(due, Date.now(), c.overdue, c.deadlineStatus ?? mainStatus(c.deadlines));
              return (
                <Space size={4}>
                  <span>{formatTime(due)}</span>
                  {typeof c.remainingWorkingDays === 'number' && flag !== 'red' && (
                    <span style={{ color: '#888' }}>{m.casePage.remaining(c.remainingWorkingDays)}</span>
                  )}
                  {flag === 'red' && <Tag color="red">{m.queue.overdue}</Tag>}
                  {flag === 'yellow' && <Tag color="gold">{m.queue.dueSoon}</Tag>}
                </Space>
              );
            },
          },
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
    </>
  );
}
