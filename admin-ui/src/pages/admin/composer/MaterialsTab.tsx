import { Button, Checkbox, Input, InputNumber, Select, Space, Table, Tooltip } from 'antd';
import type { Material } from '../../../api/types.ts';
import type { Problem } from '../../../api/errors.ts';
import { m } from '../../../i18n/index.ts';

interface Props {
  materials: Material[];
  onChange: (materials: Material[]) => void;
  problems: Problem[];
}

const FORMS = ['original', 'copy', 'original-and-copy', 'electronic'];

/** A material with its position, the table's row key (materials may share an id while being edited). */
type Row = Material & { index: number };

/** Materials as table rows: required / waivable / shared-data, original or copy, count. */
export function MaterialsTab({ materials, onChange, problems }: Props) {
  const patch = (i: number, p: Partial<Material>) => onChange(materials.map((mat, j) => (j === i ? { ...mat, ...p } : mat)));
  const move = (i: number, d: number) => {
    const next = [...materials];
    const [row] = next.splice(i, 1);
    next.splice(i + d, 0, row!);
    onChange(next);
  };
  const rowProblem = (i: number, key: string) =>
    problems.find((p) => p.pointer === `/materials/${i}/${key}` || (key === '' && p.pointer === `/materials/${i}`))?.message;
  const status = (i: number, key: string) => (rowProblem(i, key) ? ('error' as const) : undefined);
  const add = () =>
    onChange([...materials, { id: `material${materials.length + 1}`, name: '', required: true, form: 'original', count: 1 }]);

  return (
    <>
      <Table<Row>
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={materials.map((mat, index) => ({ ...mat, index }))}
        columns={[
          {
            title: m.materials.id,
            width: 130,
            render: (_, { index: i, ...mat }: Row) => (
              <Tooltip title={rowProblem(i, 'id')}>
                <Input status={status(i, 'id')} value={mat.id} onChange={(e) => patch(i, { id: e.target.value })} />
              </Tooltip>
            ),
          },
          {
            title: m.materials.name,
            render: (_, { index: i, ...mat }: Row) => (
              <Tooltip title={rowProblem(i, 'name')}>
                <Input
                  data-testid={`material-name-${i}`}
                  status={status(i, 'name')}
                  value={mat.name}
                  onChange={(e) => patch(i, { name: e.target.value })}
                />
              </Tooltip>
            ),
          },
          {
            title: m.materials.form,
            width: 130,
            render: (_, { index: i, ...mat }: Row) => (
              <Select
                style={{ width: '100%' }}
                value={mat.form}
                onChange={(form) => patch(i, { form })}
                options={FORMS.map((f) => ({ value: f, label: m.materialForms[f] }))}
              />
            ),
          },
          {
            title: m.materials.count,
            width: 70,
            render: (_, { index: i, ...mat }: Row) => <InputNumber min={1} style={{ width: '100%' }} value={mat.count} onChange={(v) => patch(i, { count: v ?? 1 })} />,
          },
          {
            title: m.materials.required,
            width: 56,
            render: (_, { index: i, ...mat }: Row) => <Checkbox checked={mat.required} onChange={(e) => patch(i, { required: e.target.checked })} />,
          },
          {
            title: m.materials.waivable,
            width: 64,
            render: (_, { index: i, ...mat }: Row) => (
              <Checkbox
                data-testid={`material-waivable-${i}`}
                checked={!!mat.waivable}
                onChange={(e) => patch(i, { waivable: e.target.checked || undefined })}
              />
            ),
          },
          {
            title: m.materials.sharedFrom,
            width: 150,
            render: (_, { index: i, ...mat }: Row) => (
              <Input
                placeholder={m.materials.shared}
                value={mat.sharedFrom ?? ''}
                onChange={(e) => patch(i, { sharedFrom: e.target.value || undefined })}
              />
            ),
          },
          {
            title: m.app.actions,
            width: 150,
            render: (_, { index: i }) => (
              <Space size={0}>
                <Button size="small" type="text" disabled={i === 0} onClick={() => move(i, -1)}>{m.designer.up}</Button>
                <Button size="small" type="text" disabled={i === materials.length - 1} onClick={() => move(i, 1)}>{m.designer.down}</Button>
                <Button size="small" type="text" danger onClick={() => onChange(materials.filter((_, j) => j !== i))}>{m.app.delete}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Button style={{ marginTop: 8 }} onClick={add} data-testid="add-material">{m.materials.add}</Button>
    </>
  );
}
