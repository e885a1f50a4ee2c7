import { Radio, Table, Tag } from 'antd';
import type { Material, MaterialStatus } from '../../api/types.ts';
import { m } from '../../i18n/index.ts';

/** What the clerk marked for each material; `unverified` until they looked at it. */
export type MaterialChoice = MaterialStatus | 'unverified';
export type MaterialChoices = Record<string, MaterialChoice>;

/**
 * Nothing counts as received until the clerk says so: a material the applicant must bring starts
 * 未核验, an optional one 不适用 (most applications do not need it). Shared-data materials are
 * fetched by the centre (免提交) and not asked at all.
 */
export function initialChoices(materials: Material[]): MaterialChoices {
  const out: MaterialChoices = {};
  for (const mat of materials) if (!mat.sharedFrom) out[mat.id] = mat.required ? 'unverified' : 'not-applicable';
  return out;
}

/** Materials the clerk has not yet marked. */
export function unverifiedMaterials(choices: MaterialChoices): string[] {
  return Object.entries(choices).filter(([, c]) => c === 'unverified').map(([id]) => id);
}

/** What the server records: every material the clerk marked. */
export function markedMaterials(choices: MaterialChoices): Record<string, MaterialStatus> {
  return Object.fromEntries(Object.entries(choices).filter((e): e is [string, MaterialStatus] => e[1] !== 'unverified'));
}

/** The choices a material offers: 容缺 only where the item allows it, 不适用 only for optional ones. */
export function materialOptions(mat: Material): { value: MaterialStatus; label: string }[] {
  return [
    { value: 'provided', label: m.newCase.provided },
    ...(mat.waivable ? [{ value: 'waived' as const, label: m.newCase.waived }] : []),
    mat.required ? { value: 'missing' as const, label: m.newCase.missing } : { value: 'not-applicable' as const, label: m.newCase.notApplicable },
  ];
}

interface Props {
  materials: Material[];
  value: MaterialChoices;
  onChange: (v: MaterialChoices) => void;
  /** Set once the clerk tried to submit: unmarked materials then say so at their row. */
  showErrors?: boolean;
}

/** The clerk marks each material: 已核验, 容缺 (only where the item allows), 缺少 or 不适用. */
export function MaterialsCheck({ materials, value, onChange, showErrors }: Props) {
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
              {mat.name} {mat.required ? <Tag color="red">{m.materials.required}</Tag> : <Tag>{m.guide.optional}</Tag>}
              {mat.waivable && <Tag color="blue">{m.materials.waivable}</Tag>}
            </>
          ),
        },
        { title: m.materials.form, width: 110, render: (_, mat) => m.materialForms[mat.form] ?? mat.form },
        { title: m.materials.count, width: 60, dataIndex: 'count' },
        {
          title: m.casePage.materials,
          width: 300,
          render: (_, mat) => {
            if (mat.sharedFrom) return <Tag color="green">{m.newCase.sharedFree}（{mat.sharedFrom}）</Tag>;
            const choice = value[mat.id] ?? 'unverified';
            const failing = showErrors && choice === 'unverified';
            return (
              <div data-testid={`material-${mat.id}`} data-choice={choice}>
                <Radio.Group
                  aria-label={`${mat.name}：${m.newCase.materialStatus}`}
                  value={choice === 'unverified' ? undefined : choice}
                  onChange={(e) => onChange({ ...value, [mat.id]: e.target.value as MaterialStatus })}
                  options={materialOptions(mat)}
                />
                {choice === 'unverified' && (
                  <div className={failing ? 'ant-form-item-explain-error' : undefined} style={{ fontSize: 12, color: failing ? '#ff4d4f' : '#888' }} role={failing ? 'alert' : undefined}>
                    {failing ? m.newCase.mustVerify : m.newCase.unverified}
                  </div>
                )}
              </div>
            );
          },
        },
      ]}
    />
  );
}
