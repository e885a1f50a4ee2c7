import { Button, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { createUser, listOrgs, listUsers, listWindows } from '../../api/admin.ts';
import type { Body } from '../../api/schema.ts';
import type { User } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useCreateForm } from '../../hooks/useCreateForm.ts';
import { m } from '../../i18n/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

/** Staff of the organisations in the admin's scope, with their roles and window. */
export default function Users() {
  const users = useAsync(listUsers, []);
  const orgs = useAsync(listOrgs, []);
  const windows = useAsync(listWindows, []);
  const { form, busy, submit: add } = useCreateForm((v: Body<'/api/admin/users', 'post'>) => createUser(v), () => users.reload());
  const orgId = Form.useWatch('orgId', form) as string | undefined;
  const orgName = new Map((orgs.data ?? []).map((o) => [o.id, o.name]));

  return (
    <>
      <PageTitle>{m.users.title}</PageTitle>
      <ErrorNote error={users.error} />
      <Row gutter={12}>
        <Col span={16}>
          <Table<User>
            size="small"
            rowKey="id"
            loading={users.loading}
            dataSource={users.data}
            pagination={{ pageSize: 15 }}
            columns={[
              { title: m.users.username, dataIndex: 'username', width: 120 },
              { title: m.users.name, dataIndex: 'name', width: 100 },
              { title: m.users.roles, render: (_, u) => u.roles.map((r) => <Tag key={r}>{m.roles[r] ?? r}</Tag>) },
              { title: m.users.org, render: (_, u) => orgName.get(u.orgId) ?? u.orgId },
            ]}
          />
        </Col>
        <Col span={8}>
          <Card size="small" title={m.users.addUser}>
            <Form form={form} layout="vertical" size="small" onFinish={add}>
              <Form.Item name="username" label={m.users.username} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,64}$/ }]}><Input /></Form.Item>
              <Form.Item name="name" label={m.users.name} rules={[{ required: true }]}><Input /></Form.Item>
              <Form.Item name="password" label={m.users.password} rules={[{ required: true, min: 8 }]}><Input.Password autoComplete="new-password" /></Form.Item>
              <Form.Item name="roles" label={m.users.roles} rules={[{ required: true }]}>
                <Select mode="multiple" options={Object.entries(m.roles).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Form.Item name="orgId" label={m.users.org} rules={[{ required: true }]}>
                <Select options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
              </Form.Item>
              <Form.Item name="windowId" label={m.users.window}>
                <Select allowClear options={(windows.data ?? []).filter((w) => w.orgId === orgId).map((w) => ({ value: w.id, label: w.name }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>{m.app.save}</Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
