import { Modal, Table } from 'antd';
import { m } from '../i18n/index.ts';

export interface CheatSheetRow {
  keys: string;
  label: string;
}

/** The shortcuts of the staff screens (`?` opens it). */
export function CheatSheet({ open, rows, onClose }: { open: boolean; rows: CheatSheetRow[]; onClose: () => void }) {
  return (
    <Modal open={open} title={m.keys.title} footer={null} onCancel={onClose} width={460}>
      <Table<CheatSheetRow>
        size="small"
        rowKey="keys"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: m.keys.key, width: 140, render: (_, r) => <kbd className="bm-kbd">{r.keys}</kbd> },
          { title: m.keys.action, dataIndex: 'label' },
        ]}
      />
    </Modal>
  );
}
