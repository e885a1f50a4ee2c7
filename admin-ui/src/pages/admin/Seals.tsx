import { Button, Card, Col, Form, Input, Row, Select, Table } from 'antd';
import { createSeal, listOrgs, listSeals, stampPath } from '../../api/admin.ts';
import type { Body } from '../../api/schema.ts';
import type { Seal } from '../../api/types.ts';
import { AuthImage } from '../../components/AuthImage.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useCreateForm } from '../../hooks/useCreateForm.ts';
import { m } from '../../i18n/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

/** Seals per organisation, each with its drawn stamp. */
export default function Seals() {
  const seals = useAsync(listSeals, []);
  const orgs = useAsync(listOrgs, []);
  const { form, busy, submit: add } = useCreateForm((v: Body<'/api/admin/seals', 'post'>) => createSeal(v), seals.reload);

  return (
    <>
      <PageTitle>{m.seals.title}</PageTitle>
      <ErrorNote error={seals.error} />
      <Row gutter={12}>
        <Col span={16}>
          <Table<Seal>
            size="small"
            rowKey={(s) => s.id ?? s.code}
            loading={seals.loading}
            dataSource={seals.data}
            pagination={false}
            columns={[
              { title: m.seals.stamp, width: 84, render: (_, s) => <AuthImage path={stampPath(s.id ?? s.code)} size={64} alt={s.name} /> },
              { title: m.seals.name, dataIndex: 'name' },
              { title: m.seals.kind, width: 110, render: (_, s) => m.sealKinds[s.kind] ?? s.kind },
              { title: m.seals.purpose, dataIndex: 'purpose', width: 120 },
              { title: m.seals.code, dataIndex: 'code', width: 140 },
            ]}
          />
        </Col>
        <Col span={8}>
          <Card size="small" title={m.app.create}>
            <Form form={form} layout="vertical" onFinish={add}>
              <Form.Item name="code" label={m.seals.code} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]*$/ }]}><Input /></Form.Item>
              <Form.Item name="name" label={m.seals.name} rules={[{ required: true }]}><Input /></Form.Item>
              <Form.Item name="kind" label={m.seals.kind} rules={[{ required: true }]}>
                <Select options={Object.entries(m.sealKinds).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Form.Item name="purpose" label={m.seals.purpose}><Input /></Form.Item>
              <Form.Item name="orgId" label={m.seals.org} rules={[{ required: true }]}>
                <Select options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>{m.app.save}</Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
