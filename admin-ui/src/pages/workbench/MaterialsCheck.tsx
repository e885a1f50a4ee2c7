import { Radio, Table, Tag } from 'antd';
import type { Material, MaterialStatus } from '../../api/types.ts';
import { m } from '../../i18n/index.ts';

export type MaterialChoices = Record<string, MaterialStatus>;

/** Everything starts as provided; shared-data materials are fetched by the centre (免提交). */
export function initialChoices(materials: Material[]): MaterialChoices {
  const out: MaterialChoices = {};
  for (const mat of materials) if (!mat.sharedFrom) out[mat.id] = 'provided';
  return out;
}

interface Props {
  materials: Material[];
  value: MaterialChoices;
  onChange: (v: MaterialChoices) => void;
}

/** The clerk ticks each material: provided, waived (容缺, only where the item allows) or missing. */
export function MaterialsCheck({ materials, value, onChange }: Props) {
  return (
    <Table<Material>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={materials}
      columns={[
        {
          title: m.materials.name,
          render: (_, mat) => (
            <>
              {mat.name} {mat.required && <Tag color="red">{m.materials.required}</Tag>}
              {mat.waivable && <Tag color="blue">{m.materials.waivable}</Tag>}
            </>
          ),
        },
        { title: m.materials.form, width: 110, render: (_, mat) => m.materialForms[mat.form] ?? mat.form },
        { title: m.materials.count, width: 60, dataIndex: 'count' },
        {
          title: m.casePage.materials,
          width: 230,
          render: (_, mat) =>
            mat.sharedFrom ? (
              <Tag color="green">{m.newCase.sharedFree}（{mat.sharedFrom}）</Tag>
            ) : (
              <Radio.Group
                data-testid={`material-${mat.id}`}
                value={value[mat.id] ?? 'provided'}
                onChange={(e) => onChange({ ...value, [mat.id]: e.target.value as MaterialStatus })}
                options={[
                  { value: 'provided', label: m.newCase.provided },
                  ...(mat.waivable ? [{ value: 'waived', label: m.newCase.waived }] : []),
                  { value: 'missing', label: m.newCase.missing },
                ]}
              />
            ),
        },
      ]}
    />
  );
}
