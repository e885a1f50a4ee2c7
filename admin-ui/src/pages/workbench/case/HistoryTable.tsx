import { Table } from 'antd';
import type { HistoryEntry } from '../../../api/types.ts';
import { eventLabel, formatTime, personLabel, stateLabel } from '../../../format/labels.ts';
import { m } from '../../../i18n/index.ts';

export function HistoryTable({ history, stepNames }: { history: HistoryEntry[]; stepNames?: Record<string, string> }) {
  return (
    <Table<HistoryEntry>
      size="small"
      rowKey={(h) => String(h.seq ?? `${h.at}-${h.event}-${h.to}`)}
      pagination={false}
      dataSource={history}
      columns={[
        { title: m.casePage.at, width: 150, render: (_, h) => formatTime(h.at) },
        { title: m.casePage.event, width: 110, render: (_, h) => eventLabel(h.event) },
        { title: m.casePage.by, width: 100, render: (_, h) => personLabel(h.by) },
        { title: m.casePage.from, render: (_, h) => stateLabel(h.from, stepNames) },
        { title: m.casePage.to, render: (_, h) => stateLabel(h.to, stepNames) },
      ]}
    />
  );
}
