import { useState, type HTMLAttributes } from 'react';
import { App, Button, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { listItems } from '../../api/items.ts';
import { listWindows } from '../../api/admin.ts';
import { createComplaint, listComplaints, openFile, supervisionStaff, type Complaint } from '../../api/supervision.ts';
import { ErrorNote, errorText } from '../../components/ErrorNote.tsx';
import { formatTime } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { ActionDialog, showProblems } from './ActionDialog.tsx';
import { usePages } from './usePages.ts';

const s = m.supervision;
const SOURCES = ['mailbox', 'hotline', 'window', '12345', 'online'];
const SOURCE_LABELS: Record<string, string> = { mailbox: '意见箱', hotline: '监督电话', window: '窗口当面', '12345': '12345热线', online: '网上投诉' };

/** 投诉处理记录本: the register (newest first), a new complaint, the .xlsx and the printed book. */
export default function ComplaintList() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const subjectKind = Form.useWatch('subjectKind', form) as string | undefined;
  const range = { from: period[0].format('YYYY-MM-DD'), to: period[1].format('YYYY-MM-DD') };
  const pages = usePages((cursor) => listComplaints({ ...range, status: onlyOpen ? 'open' : undefined, cursor }), [onlyOpen, range.from, range.to]);
  const staff = useAsync(supervisionStaff, []);
  const windows = useAsync(listWindows, []);
  const items = useAsync(listItems, []);
  const open = (c: Complaint) => navigate(`/supervision/complaints/${c.id}`);
  const file = (ext: 'xlsx' | 'pdf') =>
    void openFile(`/complaints/register.${ext}?from=${range.from}&to=${range.to}`, ext === 'xlsx' ? `${s.complaintTitle}.xlsx` : undefined).catch((e: unknown) => message.error(errorText(e)));

  async function create(v: Record<string, unknown>) {
    setBusy(true);
    try {
      const { subjectKind: kind, subjectId, receivedAt, ...rest } = v as { subjectKind?: string; subjectId?: string; receivedAt: Dayjs } & Record<string, string>;
      const c = await createComplaint({
        ...(rest as { complainant: string; content: string; source: string }),
        receivedAt: receivedAt.toISOString(),
        ...(kind && subjectId ? { subject: { kind, id: subjectId } } : {}),
      });
      setCreating(false);
      message.success(`${s.newComplaint}：${c.number}`);
      open(c);
    } catch (e) {
      if (!(e instanceof ApiError && showProblems(form, e.problems.map((p) => ({ ...p, pointer: p.pointer.replace('/subject/id', '/subjectId') }))))) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Typography.Title level={4}>{s.complaintTitle}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="complaint-new">{s.newComplaint}</Button>
        <DatePicker.RangePicker value={period} allowClear={false} onChange={(v) => v && v[0] && v[1] && setPeriod([v[0], v[1]])} />
        <Checkbox checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)}>{s.onlyOpen}</Checkbox>
        <Button onClick={() => file('xlsx')}>{s.exportXlsx}</Button>
        <Button onClick={() => file('pdf')}>{s.printBook}</Button>
      </Space>
      <ErrorNote error={pages.error} />
      <Table<Complaint>
        rowKey="id"
        size="small"
        loading={pages.loading}
        dataSource={pages.items}
        pagination={false}
        locale={{ emptyText: s.empty }}
        onRow={(c) => ({ tabIndex: 0, onDoubleClick: () => open(c), onKeyDown: (e) => { if (e.key === 'Enter') open(c); } }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: s.receivedAt, width: 140, render: (_, c) => formatTime(c.receivedAt) },
          { title: s.complainant, dataIndex: 'complainant', width: 90 },
          { title: s.phone, dataIndex: 'phone', width: 120 },
          { title: s.content, render: (_, c) => <Typography.Text ellipsis={{ tooltip: c.content }} style={{ maxWidth: 320 }}>{c.content}</Typography.Text> },
          { title: s.subject, width: 150, render: (_, c) => (c.subject ? `${c.subject.kindLabel}：${c.subject.name ?? ''}` : '—') },
          { title: s.result, width: 180, render: (_, c) => c.result ?? '—' },
          { title: s.recorder, dataIndex: 'recorder', width: 90 },
          { title: s.status, width: 100, render: (_, c) => <Tag color={c.status === 'closed' ? 'green' : 'blue'}>{c.statusLabel}</Tag> },
          { title: m.app.actions, width: 60, render: (_, c) => <Button size="small" type="link" onClick={() => open(c)}>{s.openIt}</Button> },
        ]}
      />
      {pages.more && <Button style={{ marginTop: 8 }} onClick={pages.loadMore}>{s.loadMore}</Button>}
      <ActionDialog open={creating} title={s.newComplaint} busy={busy} form={form} width={640} onClose={() => setCreating(false)} onSubmit={(v) => void create(v)} initial={{ receivedAt: dayjs(), source: 'window' }}>
        <Space size={12} style={{ display: 'flex' }} align="start">
          <Form.Item name="receivedAt" label={s.receivedAt} rules={[{ required: true }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" /></Form.Item>
          <Form.Item name="source" label={s.source} rules={[{ required: true }]}><Select style={{ width: 140 }} options={SOURCES.map((v) => ({ value: v, label: SOURCE_LABELS[v] }))} /></Form.Item>
        </Space>
        <Space size={12} style={{ display: 'flex' }} align="start">
          <Form.Item name="complainant" label={s.complainant} rules={[{ required: true, whitespace: true }]}><Input autoFocus data-testid="complaint-complainant" /></Form.Item>
          <Form.Item name="phone" label={s.phone} rules={[{ pattern: /^[0-9+() -]{5,20}$/, message: m.validation.phone }]}><Input /></Form.Item>
        </Space>
        <Form.Item name="content" label={s.content} rules={[{ required: true, whitespace: true, min: 2 }]}><Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} data-testid="complaint-content" /></Form.Item>
        <Space size={12} style={{ display: 'flex' }} align="start">
          <Form.Item name="subjectKind" label={s.subject}>
            <Select allowClear style={{ width: 120 }} options={Object.entries(s.subjectKinds).map(([value, label]) => ({ value, label }))} onChange={() => form.setFieldValue('subjectId', undefined)} />
          </Form.Item>
          {subjectKind === 'staff' && (
            <Form.Item name="subjectId" label={s.subjectKinds.staff} rules={[{ required: true }]}>
              <Select style={{ width: 260 }} showSearch={{ optionFilterProp: 'label' }} options={(staff.data ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.org.name}）` }))} />
            </Form.Item>
          )}
          {subjectKind === 'window' && (
            <Form.Item name="subjectId" label={s.subjectKinds.window} rules={[{ required: true }]}>
              <Select style={{ width: 260 }} options={(windows.data ?? []).map((w) => ({ value: w.id, label: w.name }))} />
            </Form.Item>
          )}
          {subjectKind === 'item' && (
            <Form.Item name="subjectId" label={m.queue.item} rules={[{ required: true }]}>
              <Select style={{ width: 260 }} showSearch={{ optionFilterProp: 'label' }} options={(items.data ?? []).map((i) => ({ value: i.code, label: i.name }))} />
            </Form.Item>
          )}
          {subjectKind === 'case' && (
            <Form.Item name="subjectId" label={s.subjectCase} rules={[{ required: true }]}><Input style={{ width: 260 }} /></Form.Item>
          )}
        </Space>
        <Form.Item name="recordedBy" label={s.recorder}><Input placeholder={s.recorderDefault} /></Form.Item>
      </ActionDialog>
    </>
  );
}
