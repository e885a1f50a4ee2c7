import { Tag } from 'antd';
import type { Material } from '../../../api/types.ts';
import { m } from '../../../i18n/index.ts';

const COLORS: Record<string, string> = { provided: 'green', waived: 'blue', missing: 'red', 'not-applicable': 'default' };
const LABELS: Record<string, string> = { provided: m.newCase.provided, waived: m.newCase.waived, missing: m.newCase.missing, 'not-applicable': m.newCase.notApplicable };

/** Where each material stands: provided, waived (容缺, still owed), missing, or fetched by data sharing. */
export function MaterialStatusList({ materials, status }: { materials: Material[]; status: Record<string, string> }) {
  return (
    <div>
      {materials.map((mat) => {
        // A material the case does not mention was not handed in (the server counts it missing).
        const s = mat.sharedFrom ? 'shared' : (status[mat.id] ?? (mat.required ? 'missing' : 'not-applicable'));
        return (
          <div key={mat.id} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, padding: '3px 0' }} data-testid={`material-status-${mat.id}`}>
            <span>{mat.name}</span>
            <Tag color={s === 'shared' ? 'default' : COLORS[s]} style={{ marginInlineEnd: 0 }}>
              {s === 'shared' ? m.newCase.sharedFree : (LABELS[s] ?? s)}
            </Tag>
          </div>
        );
      })}
    </div>
  );
}
