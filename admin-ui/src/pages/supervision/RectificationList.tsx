import { useState, type HTMLAttributes } from 'react';
import { Button, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { listRectifications, type RectificationSummary } from '../../api/supervision.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { formatTime } from '../../format/labels.ts';
import { m } from '../../i18n/index.ts';
import { usePages } from './usePages.ts';

const STATUSES = ['active', 'open', 'assigned', 'verified', 'rectified', 'explained', 'followed-up', 'appealed', 'closed', 'annulled'];

export function statusColor(status: string): string {
  return status === 'closed' ? 'green' : status === 'annulled' ? 'default' : status === 'appealed' ? 'purple' : status === 'open' ? 'orange' : 'blue';
}

/** 差评整改工单: the work orders of the user's organisations, soonest due first. */
export default function RectificationList() {
  const navigate = useNavigate();
  const [filter, setFilter] = useState<{ status?: string; overdue?: boolean; mine?: boolean }>({ status: 'active' });
  const pages = usePages((cursor) => listRectifications({ ...filter, cursor }), [JSON.stringify(filter)]);
  const open = (r: RectificationSummary) => navigate(`/supervision/rectifications/${r.id}`);
  return (
    <>
      <Typography.Title level={4}>{m.supervision.rectTitle}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={filter.status ?? ''}
          style={{ width: 140 }}
          aria-label={m.supervision.status}
          options={[{ value: '', label: m.app.all }, ...STATUSES.map((s) => ({ value: s, label: m.supervision.statuses[s] }))]}
          onChange={(v: string) => setFilter((f) => ({ ...f, status: v || undefined }))}
        />
        <Checkbox checked={!!filter.overdue} onChange={(e) => setFilter((f) => ({ ...f, overdue: e.target.checked || undefined }))}>{m.supervision.onlyOverdue}</Checkbox>
        <Checkbox checked={!!filter.mine} onChange={(e) => setFilter((f) => ({ ...f, mine: e.target.checked || undefined }))}>{m.supervision.onlyMine}</Checkbox>
        <Button onClick={pages.reload}>{m.app.refresh}</Button>
      </Space>
      <ErrorNote error={pages.error} />
      <Table<RectificationSummary>
        rowKey="id"
        size="small"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        locale={{ emptyText: m.supervision.empty }}
        onRow={(r) => ({ tabIndex: 0, 'data-testid': `rect-${r.caseNumber}`, onDoubleClick: () => open(r), onKeyDown: (e) => { if (e.key === 'Enter') open(r); } }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: m.supervision.number, dataIndex: 'number', width: 170 },
          { title: m.supervision.case, dataIndex: 'caseNumber', width: 170 },
          { title: m.supervision.item, dataIndex: 'itemName' },
          { title: m.supervision.level, width: 110, render: (_, r) => r.levelLabel ?? m.supervision.sourceCallback },
          { title: m.supervision.org, width: 190, render: (_, r) => r.org.name },
          { title: m.supervision.assignee, width: 110, render: (_, r) => r.assignee?.name ?? '—' },
          { title: m.supervision.status, width: 100, render: (_, r) => <Tag color={statusColor(r.status)}>{r.statusLabel}</Tag> },
          {
            title: m.supervision.dueAt,
            width: 170,
            render: (_, r) => <Space size={4}>{formatTime(r.dueAt).slice(0, 10)}{r.overdue && <Tag color="red">{m.supervision.overdue}</Tag>}</Space>,
          },
          { title: m.app.actions, width: 70, render: (_, r) => <Button size="small" type="link" onClick={() => open(r)}>{m.supervision.openIt}</Button> },
        ]}
      />
      {pages.more && <Button style={{ marginTop: 8 }} onClick={pages.loadMore}>{m.supervision.loadMore}</Button>}
    </>
  );
}
