import { Button, Card, Form, Select, Space, Table } from 'antd';
import { listDeliveryModes, listSeals } from '../../../api/admin.ts';
import type { Delivery, DocumentSpec } from '../../../api/types.ts';
import type { Problem } from '../../../api/errors.ts';
import { useAsync } from '../../../hooks/useAsync.ts';
import { m } from '../../../i18n/index.ts';
import { ProblemList } from './ProblemList.tsx';

interface Props {
  documents: DocumentSpec[];
  delivery: Delivery;
  onDocuments: (d: DocumentSpec[]) => void;
  onDelivery: (d: Delivery) => void;
  problems: Problem[];
}

/** Which documents the case issues with which seal, and how the result may be delivered. */
export function DocumentsTab({ documents, delivery, onDocuments, onDelivery, problems }: Props) {
  const seals = useAsync(listSeals, []);
  const modes = useAsync(listDeliveryModes, []);
  const setDoc = (i: number, p: Partial<DocumentSpec>) => onDocuments(documents.map((d, j) => (j === i ? { ...d, ...p } : d)));
  const unused = Object.keys(m.documents).filter((k) => !documents.some((d) => d.kind === k));
  const modeOptions = (modes.data ?? []).map((d) => ({ value: d.code, label: d.name }));

  return (
    <>
      <ProblemList problems={problems} />
      <Card size="small" title={m.composer.documents} style={{ marginBottom: 12 }}>
        <Table<DocumentSpec>
          size="small"
          pagination={false}
          rowKey="kind"
          dataSource={documents}
          columns={[
            { title: m.docs.kind, width: 160, render: (_, d) => m.documents[d.kind] ?? d.kind },
            {
              title: m.docs.seal,
              render: (_, d, i) => (
                <Select
                  allowClear
                  style={{ width: '100%' }}
                  value={d.seal}
                  loading={seals.loading}
                  onChange={(seal) => setDoc(i, { seal })}
                  options={(seals.data ?? []).map((s) => ({ value: s.code, label: `${s.name}${s.purpose ? ` · ${s.purpose}` : ''}` }))}
                />
              ),
            },
            {
              title: m.docs.sealKind,
              width: 150,
              render: (_, d, i) => (
                <Select
                  allowClear
                  style={{ width: '100%' }}
                  value={d.sealKind}
                  onChange={(sealKind) => setDoc(i, { sealKind })}
                  options={Object.entries(m.sealKinds).map(([value, label]) => ({ value, label }))}
                />
              ),
            },
            { width: 50, render: (_, _d, i) => <Button size="small" type="text" danger onClick={() => onDocuments(documents.filter((_, j) => j !== i))}>×</Button> },
          ]}
        />
        {unused.length > 0 && (
          <Space style={{ marginTop: 8 }}>
            <Select
              placeholder={m.docs.add}
              style={{ width: 200 }}
              value={null}
              onChange={(kind: string) => onDocuments([...documents, { kind } as DocumentSpec])}
              options={unused.map((k) => ({ value: k, label: m.documents[k] }))}
            />
          </Space>
        )}
      </Card>
      <Card size="small" title={m.composer.delivery}>
        <Form layout="vertical">
          <Form.Item label={m.docs.deliveryModes}>
            <Select
              mode="multiple"
              data-testid="delivery-modes"
              value={delivery.modes}
              loading={modes.loading}
              onChange={(v: string[]) => onDelivery({ ...delivery, modes: v as Delivery['modes'] })}
              options={modeOptions}
            />
          </Form.Item>
          <Form.Item label={m.docs.defaultMode}>
            <Select
              allowClear
              value={delivery.default}
              onChange={(d) => onDelivery({ ...delivery, default: d })}
              options={modeOptions.filter((o) => delivery.modes.includes(o.value))}
            />
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
