import { Button, Card, Checkbox, Col, Form, Input, Row, Table, Tag } from 'antd';
import { createDeliveryMode, listDeliveryModes } from '../../api/admin.ts';
import type { DeliveryMode } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useCreateForm } from '../../hooks/useCreateForm.ts';
import { m } from '../../i18n/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

const EXAMPLE = JSON.stringify({ type: 'object', required: ['recipientName'], properties: { recipientName: { type: 'string', title: m.deliveryModes.exampleField } } }, null, 2);

/** Delivery modes are data: a name and the JSON Schema of the fields a DELIVER event records. */
export default function DeliveryModes() {
  const modes = useAsync(listDeliveryModes, []);
  const { form, busy, submit: add } = useCreateForm((v: { code: string; name: string; fieldsSchema: string; requiresProof?: boolean }) => {
    let fieldsSchema: Record<string, unknown>;
    try {
      fieldsSchema = JSON.parse(v.fieldsSchema) as Record<string, unknown>;
    } catch {
      return Promise.reject(new Error(m.composer.invalidJson));
    }
    return createDeliveryMode({ code: v.code, name: v.name, fieldsSchema, requiresProof: !!v.requiresProof });
  }, modes.reload);

  return (
    <>
      <PageTitle>{m.deliveryModes.title}</PageTitle>
      <ErrorNote error={modes.error} />
      <Row gutter={12}>
        <Col span={14}>
          <Table<DeliveryMode>
            size="small"
            rowKey="code"
            loading={modes.loading}
            dataSource={modes.data}
            pagination={false}
            expandable={{ expandedRowRender: (d) => <pre style={{ fontSize: 12, margin: 0 }}>{JSON.stringify(d.fieldsSchema, null, 2)}</pre> }}
            columns={[
              { title: m.deliveryModes.name, dataIndex: 'name' },
              { title: m.deliveryModes.code, dataIndex: 'code', width: 160 },
              { title: m.deliveryModes.requiresProof, width: 110, render: (_, d) => (d.requiresProof ? <Tag color="red">{m.app.yes}</Tag> : m.app.no) },
            ]}
          />
        </Col>
        <Col span={10}>
          <Card size="small" title={m.app.create}>
            <Form form={form} layout="vertical" onFinish={add} initialValues={{ fieldsSchema: EXAMPLE }}>
              <Form.Item name="code" label={m.deliveryModes.code} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]*$/ }]}><Input /></Form.Item>
              <Form.Item name="name" label={m.deliveryModes.name} rules={[{ required: true }]}><Input /></Form.Item>
              <Form.Item name="fieldsSchema" label={m.deliveryModes.fieldsSchema} rules={[{ required: true }]}>
                <Input.TextArea rows={8} style={{ fontFamily: 'monospace', fontSize: 12 }} />
              </Form.Item>
              <Form.Item name="requiresProof" valuePropName="checked"><Checkbox>{m.deliveryModes.requiresProof}</Checkbox></Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>{m.app.save}</Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
