import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api/errors.ts';
import { answerRequest, createRequest, listRequests, supervisionStaff, type UnresolvedRequest } from '../../api/supervision.ts';
import { ErrorNote, errorText } from '../../components/ErrorNote.tsx';
import { formatTime } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { ActionDialog, showProblems } from './ActionDialog.tsx';
import { usePages } from './usePages.ts';

const s = m.supervision;

/** 办不成事反映: what no item covers, with the member of staff who owns it and the day it is answered by. */
export default function UnresolvedRequests() {
  const { message } = App.useApp();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const pages = usePages((cursor) => listRequests({ status: onlyOpen ? 'open' : undefined, cursor }), [onlyOpen]);
  const staff = useAsync(supervisionStaff, []);
  const [dialog, setDialog] = useState<'new' | UnresolvedRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  async function submit(v: Record<string, unknown>) {
    setBusy(true);
    try {
      if (dialog === 'new') {
        const { answerDue, ...rest } = v as { answerDue: Dayjs } & Record<string, string>;
        await createRequest({ ...(rest as { requester: string; content: string; ownerId: string }), answerDue: answerDue.format('YYYY-MM-DD') });
      } else if (dialog) await answerRequest(dialog.id, String(v.answer));
      message.success(m.app.saved);
      setDialog(null);
      pages.reload();
    } catch (e) {
      if (!(e instanceof ApiError && showProblems(form, e.problems))) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Typography.Title level={4}>{s.requestTitle}</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setDialog('new')}>{s.newRequest}</Button>
        <Checkbox checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)}>{s.onlyOpenRequests}</Checkbox>
        <Button onClick={pages.reload}>{m.app.refresh}</Button>
      </Space>
      <ErrorNote error={pages.error} />
      <Table<UnresolvedRequest>
        rowKey="id"
        size="small"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        locale={{ emptyText: s.empty }}
        columns={[
          { title: s.receivedAt, width: 140, render: (_, r) => formatTime(r.receivedAt) },
          { title: s.requester, dataIndex: 'requester', width: 90 },
          { title: s.phone, dataIndex: 'phone', width: 120 },
          { title: s.requestContent, dataIndex: 'content' },
          { title: s.owner, width: 100, render: (_, r) => r.owner.name },
          { title: s.answerDue, width: 150, render: (_, r) => <Space size={4}>{formatTime(r.answerDueAt).slice(0, 10)}{r.overdue && r.status === 'open' && <Tag color="red">{s.overdue}</Tag>}</Space> },
          { title: s.answer, render: (_, r) => r.answer ?? '—' },
          { title: m.app.actions, width: 70, render: (_, r) => r.canAnswer && <Button size="small" type="link" onClick={() => setDialog(r)}>{s.answer}</Button> },
        ]}
      />
      {pages.more && <Button style={{ marginTop: 8 }} onClick={pages.loadMore}>{s.loadMore}</Button>}
      <ActionDialog open={!!dialog} form={form} title={dialog === 'new' ? s.newRequest : s.answer} busy={busy} onClose={() => setDialog(null)} onSubmit={(v) => void submit(v)} initial={dialog === 'new' ? { answerDue: dayjs().add(3, 'day') } : undefined}>
        {dialog === 'new' ? (
          <>
            <Space size={12} style={{ display: 'flex' }} align="start">
              <Form.Item name="requester" label={s.requester} rules={[{ required: true, whitespace: true }]}><Input autoFocus /></Form.Item>
              <Form.Item name="phone" label={s.phone} rules={[{ pattern: /^[0-9+() -]{5,20}$/, message: m.validation.phone }]}><Input /></Form.Item>
            </Space>
            <Form.Item name="content" label={s.requestContent} rules={[{ required: true, whitespace: true, min: 2 }]}><Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} /></Form.Item>
            <Space size={12} style={{ display: 'flex' }} align="start">
              <Form.Item name="ownerId" label={s.owner} rules={[{ required: true }]}>
                <Select style={{ width: 240 }} showSearch={{ optionFilterProp: 'label' }} options={(staff.data ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.org.name}）` }))} />
              </Form.Item>
              <Form.Item name="answerDue" label={s.answerDue} rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} /></Form.Item>
            </Space>
          </>
        ) : (
          <Form.Item name="answer" label={s.answerContent} rules={[{ required: true, whitespace: true, min: 2 }]}><Input.TextArea autoSize={{ minRows: 3 }} autoFocus maxLength={4000} /></Form.Item>
        )}
      </ActionDialog>
    </>
  );
}
