import { Modal } from 'antd';
import { m } from '../i18n/index.ts';

export interface CheatSheetRow {
  keys: string;
  label: string;
}

/** The shortcuts of the staff screens (`?` opens it); a plain list, so no table code rides along. */
export default function CheatSheet({ rows, onClose }: { rows: CheatSheetRow[]; onClose: () => void }) {
  return (
    <Modal open title={m.keys.title} footer={null} onCancel={onClose} width={420}>
      <dl className="bm-cheat-sheet" data-testid="cheat-sheet">
        {rows.map((r) => (
          <div key={r.keys}>
            <dt><kbd className="bm-kbd">{r.keys}</kbd></dt>
            <dd>{r.label}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
