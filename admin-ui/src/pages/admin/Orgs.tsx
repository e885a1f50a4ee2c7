import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { createOrg, createWindow, listOrgs, listWindows, type ServiceWindow } from '../../api/admin.ts';
import type { Body } from '../../api/schema.ts';
import type { Org } from '../../api/types.ts';
import { ErrorNote, errorText } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

type OrgRow = Org & { children?: OrgRow[] };

/** County → township → village as a tree; parents of orgs outside the admin's scope become roots. */
function tree(orgs: Org[]): OrgRow[] {
  const rows = new Map<string, OrgRow>(orgs.map((o) => [o.id, { ...o }]));
  const roots: OrgRow[] = [];
  for (const row of rows.values()) {
    const parent = row.parentId ? rows.get(row.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

export default function Orgs() {
  const { message } = App.useApp();
  const orgs = useAsync(listOrgs, []);
  const windows = useAsync(listWindows, []);
  const [orgForm] = Form.useForm();
  const [winForm] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const orgOptions = (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }));

  async function submit(run: () => Promise<unknown>, reset: () => void, reload: () => void) {
    setBusy(true);
    try {
      await run();
      message.success(m.app.saved);
      reset();
      reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{m.orgs.title}</PageTitle>
      <ErrorNote error={orgs.error} />
      <Row gutter={12}>
        <Col span={15}>
          <Table<OrgRow>
            key={orgs.data ? 'loaded' : 'loading'}
            size="small"
            rowKey="id"
            loading={orgs.loading}
            dataSource={tree(orgs.data ?? [])}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            columns={[
              { title: m.orgs.name, dataIndex: 'name' },
              { title: m.orgs.shortName, dataIndex: 'shortName', width: 90 },
              { title: m.orgs.level, width: 110, render: (_, o) => m.levels[o.level] ?? o.level },
              {
                title: m.orgs.windows,
                render: (_, o) =>
                  (windows.data ?? []).filter((w) => w.orgId === o.id).map((w) => <Tag key={w.id}>{w.name}</Tag>),
              },
            ]}
          />
        </Col>
        <Col span={9}>
          <Card size="small" title={m.orgs.addOrg} style={{ marginBottom: 12 }}>
            <Form
              form={orgForm}
              layout="vertical"
              size="small"
              onFinish={(v: Body<'/api/admin/orgs', 'post'>) => submit(() => createOrg({ ...v, parentId: v.parentId ?? null }), () => orgForm.resetFields(), orgs.reload)}
            >
              <Row gutter={8}>
                <Col span={12}><Form.Item name="code" label={m.orgs.code} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]*$/ }]}><Input /></Form.Item></Col>
                <Col span={12}><Form.Item name="shortName" label={m.orgs.shortName} rules={[{ required: true }]}><Input /></Form.Item></Col>
              </Row>
              <Form.Item name="name" label={m.orgs.name} rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name="level" label={m.orgs.level} rules={[{ required: true }]}>
                    <Select options={Object.entries(m.levels).map(([value, label]) => ({ value, label }))} />
                  </Form.Item>
                </Col>
                <Col span={12}><Form.Item name="parentId" label={m.orgs.parent}><Select allowClear options={orgOptions} /></Form.Item></Col>
              </Row>
              <Button type="primary" htmlType="submit" loading={busy}>{m.app.save}</Button>
            </Form>
          </Card>
          <Card size="small" title={m.orgs.addWindow}>
            <Form
              form={winForm}
              layout="vertical"
              size="small"
              initialValues={{ kind: 'general' }}
              onFinish={(v: Omit<ServiceWindow, 'id'>) => submit(() => createWindow(v), () => winForm.resetFields(), windows.reload)}
            >
              <Form.Item name="orgId" label={m.seals.org} rules={[{ required: true }]}><Select options={orgOptions} /></Form.Item>
              <Form.Item name="name" label={m.orgs.windowName} rules={[{ required: true }]}><Input /></Form.Item>
              <Form.Item name="kind" label={m.orgs.windowKind}>
                <Select options={Object.entries(m.orgs.windowKinds).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>{m.app.save}</Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
