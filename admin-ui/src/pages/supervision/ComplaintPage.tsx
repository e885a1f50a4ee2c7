import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { getComplaint, openFile, sendComplaintEvent } from '../../api/supervision.ts';
import { ErrorNote, errorText } from '../../components/ErrorNote.tsx';
import { formatTime } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { ActionDialog, showProblems } from './ActionDialog.tsx';
import { HistoryList } from './RectificationPage.tsx';

const s = m.supervision;
const text = (name: string, label: string, required = true) => (
  <Form.Item name={name} label={label} rules={[{ required, whitespace: true }]}>
    <Input.TextArea autoSize={{ minRows: 3 }} autoFocus maxLength={4000} />
  </Form.Item>
);

/** One complaint: the six fields of the book, the investigate → handle → reply → close trail, the reply letter. */
export default function ComplaintPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const state = useAsync(() => getComplaint(id), [id]);
  const c = state.data;
  const [dialog, setDialog] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();

  async function send(type: string, payload?: Record<string, unknown>) {
    if (!c) return;
    setBusy(true);
    try {
      state.setData(await sendComplaintEvent(c, type, payload));
      setDialog(null);
      message.success(s.done(s.complaintEvents[type] ?? type));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && showProblems(form, e.problems)) return;
      message.error(errorText(e));
      if (e instanceof ApiError && e.status === 409) { state.reload(); setDialog(null); }
    } finally {
      setBusy(false);
    }
  }

  if (state.error) return <ErrorNote error={state.error} />;
  if (!c) return null;
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {s.complaintTitle} {c.number} <Tag color={c.status === 'closed' ? 'green' : 'blue'} data-testid="complaint-status">{c.statusLabel}</Tag>
      </Typography.Title>
      <Row gutter={12}>
        <Col span={15}>
          <Card size="small" title={m.casePage.actions} style={{ marginBottom: 12 }}>
            {c.actions.length === 0 ? s.noActions : (
              <Space>
                {c.actions.map((a, i) => (
                  <Button key={a} type={i === 0 ? 'primary' : 'default'} accessKey={String(i + 1)} title={`Alt+${i + 1}`} data-testid={`complaint-action-${a}`} onClick={() => setDialog(a)}>
                    {s.complaintEvents[a] ?? a}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" title={s.content} style={{ marginBottom: 12 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.content}</Typography.Paragraph>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={s.finding}>{c.finding ? `${c.confirmed ? s.isConfirmed : s.notJustified}。${c.finding}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={s.result}>{c.result ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={s.reply}>{c.reply ? `${c.reply.methodLabel}（${c.reply.number}）：${c.reply.content}` : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={s.history}><HistoryList history={c.history} /></Card>
        </Col>
        <Col span={9}>
          <Card size="small">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={s.receivedAt}>{formatTime(c.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={s.complainant}>{c.complainant}</Descriptions.Item>
              <Descriptions.Item label={s.phone}>{c.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={s.source}>{c.sourceLabel}</Descriptions.Item>
              <Descriptions.Item label={s.subject}>
                {c.subject ? (c.caseId ? <Link to={`/workbench/cases/${c.caseId}`}>{c.subject.name}</Link> : `${c.subject.kindLabel}：${c.subject.name ?? ''}`) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={s.recorder}>{c.recorder}</Descriptions.Item>
              <Descriptions.Item label={s.org}>{c.org.name}</Descriptions.Item>
            </Descriptions>
            {c.reply && <Button block style={{ marginTop: 8 }} onClick={() => void openFile(`/complaints/${c.id}/reply.pdf`).catch((e: unknown) => message.error(errorText(e)))}>{s.printReply}</Button>}
          </Card>
        </Col>
      </Row>
      <ActionDialog
        open={!!dialog}
        form={form}
        title={dialog ? s.complaintEvents[dialog] ?? dialog : ''}
        busy={busy}
        onClose={() => setDialog(null)}
        onSubmit={(v) => void send(dialog!, v)}
        initial={dialog === 'REPLY' ? { method: 'phone' } : undefined}
      >
        {dialog === 'INVESTIGATE' && (
          <>
            <Form.Item name="confirmed" label={s.isConfirmed} rules={[{ required: true }]}>
              <Radio.Group options={[{ value: true, label: m.app.yes }, { value: false, label: m.app.no }]} />
            </Form.Item>
            {text('finding', s.finding)}
          </>
        )}
        {dialog === 'HANDLE' && text('result', s.result)}
        {dialog === 'REPLY' && (
          <>
            <Form.Item name="method" label={s.replyMethod} rules={[{ required: true }]}>
              <Select options={Object.entries(s.replyMethods).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            {text('content', s.replyContent)}
          </>
        )}
        {dialog === 'CLOSE' && text('note', s.note, false)}
      </ActionDialog>
    </>
  );
}
