import { Button, Empty, Space, Tag } from 'antd';
import { m } from '../../../i18n/index.ts';
import { FIELD_KINDS, freshName, type DesignerField, type FieldKind } from './fields.ts';

interface Props {
  fields: DesignerField[];
  selected: number | null;
  onSelect: (i: number) => void;
  onChange: (fields: DesignerField[], select?: number | null) => void;
  allowGroup?: boolean;
}

export function newField(kind: FieldKind, siblings: DesignerField[]): DesignerField {
  return {
    name: freshName(siblings),
    kind,
    title: m.designer.kinds[kind] ?? m.designer.newField,
    required: false,
    ...(kind === 'select' ? { options: [...m.designer.defaultOptions] } : {}),
    ...(kind === 'group' ? { fields: [] } : {}),
  };
}

/** Palette of field kinds and the ordered list of fields; arrows reorder, the row selects. */
export function FieldList({ fields, selected, onSelect, onChange, allowGroup = true }: Props) {
  const move = (i: number, d: number) => {
    const next = [...fields];
    const [f] = next.splice(i, 1);
    next.splice(i + d, 0, f!);
    onChange(next, i + d);
  };
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Space size={[4, 4]} wrap>
          {FIELD_KINDS.filter((k) => allowGroup || k !== 'group').map((k) => (
            <Button key={k} size="small" data-testid={`add-field-${k}`} onClick={() => onChange([...fields, newField(k, fields)], fields.length)}>
              + {m.designer.kinds[k]}
            </Button>
          ))}
        </Space>
      </div>
      <div style={{ border: '1px solid #f0f0f0', borderRadius: 4 }} role="listbox" aria-label={m.designer.fields}>
        {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.designer.empty} />}
        {fields.map((f, i) => (
          <div
            key={`${i}-${f.name}`}
            role="option"
            aria-selected={i === selected}
            tabIndex={0}
            onClick={() => onSelect(i)}
            onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') onSelect(i); }}
            style={{
              display: 'flex', alignItems: 'center', gap: 8, padding: '4px 8px', cursor: 'pointer',
              borderTop: i ? '1px solid #f0f0f0' : undefined, background: i === selected ? '#fff1f0' : undefined,
            }}
          >
            <span style={{ flex: 1 }}>
              {f.title} <code style={{ color: '#888' }}>{f.name}</code> {f.required && <Tag color="red">{m.designer.required}</Tag>}
            </span>
            <Tag>{m.designer.kinds[f.kind]}</Tag>
            <Button size="small" type="text" aria-label={m.designer.up} disabled={i === 0} onClick={(e) => { e.stopPropagation(); move(i, -1); }}>↑</Button>
            <Button size="small" type="text" aria-label={m.designer.down} disabled={i === fields.length - 1} onClick={(e) => { e.stopPropagation(); move(i, 1); }}>↓</Button>
            <Button size="small" type="text" aria-label={m.designer.remove} danger onClick={(e) => { e.stopPropagation(); onChange(fields.filter((_, j) => j !== i), null); }}>×</Button>
          </div>
        ))}
      </div>
    </>
  );
}
