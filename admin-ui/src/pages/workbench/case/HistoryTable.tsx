import { Table } from 'antd';
import type { HistoryEntry, Material } from '../../../api/types.ts';
import { historyNote } from '../../../format/historyNote.ts';
import { eventLabel, formatTime, personLabel, stateLabel } from '../../../format/labels.ts';
import { m } from '../../../i18n/index.ts';

export function HistoryTable({ history, stepNames, materials = [] }: { history: HistoryEntry[]; stepNames?: Record<string, string>; materials?: Material[] }) {
  const materialName = (id: string) => materials.find((mat) => mat.id === id)?.name ?? id;
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
        { title: m.casePage.to, width: 120, render: (_, h) => stateLabel(h.to, stepNames) },
        // Opinions, reasons and notes: what the documents print, read here too.
        { title: m.casePage.note_, render: (_, h) => <span data-testid="history-note">{historyNote(h.payload, materialName)}</span> },
      ]}
    />
  );
}
