import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, Input, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { getRectification, openFile, sendRectificationEvent, type HistoryEntry } from '../../api/supervision.ts';
import { ErrorNote, errorText } from '../../components/ErrorNote.tsx';
import { formatTime } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { ActionDialog, showProblems } from './ActionDialog.tsx';
import { statusColor } from './RectificationList.tsx';

const s = m.supervision;
/** The work order's next step first, the appeal last. */
const ORDER = ['ASSIGN', 'VERIFY', 'RECTIFY', 'EXPLAIN', 'FOLLOW_UP', 'CLOSE', 'DECIDE_APPEAL', 'APPEAL'];
const text = (name: string, label: string, required = true) => (
  <Form.Item name={name} label={label} rules={[{ required, whitespace: true }]}>
    <Input.TextArea autoSize={{ minRows: 3 }} autoFocus maxLength={2000} />
  </Form.Item>
);

/** One 差评整改 work order: what was rated, the work done on it, the actions open to this user, its history. */
export default function RectificationPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const state = useAsync(() => getRectification(id), [id]);
  const r = state.data;
  const [dialog, setDialog] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const reached = Form.useWatch('reached', form) as boolean | undefined;

  async function send(type: string, payload?: Record<string, unknown>) {
    if (!r) return;
    setBusy(true);
    try {
      state.setData(await sendRectificationEvent(r, type, payload));
      setDialog(null);
      message.success(s.done(s.events[type] ?? type));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && showProblems(form, e.problems)) return;
      if (e instanceof ApiError && e.status === 409) {
        message.warning(e.code === 'RECORD_CHANGED' ? s.conflict : errorText(e));
        state.reload();
        setDialog(null);
      } else message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (state.error) return <ErrorNote error={state.error} />;
  if (!r) return null;
  const actions = [...r.actions].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {s.rectTitle} {r.number}{' '}
        <Tag color={statusColor(r.status)} data-testid="rect-status" data-status={r.status}>{r.statusLabel}</Tag>
        {r.overdue && <Tag color="red">{s.overdue}</Tag>}
      </Typography.Title>
      <Row gutter={12}>
        <Col span={15}>
          <Card size="small" title={m.casePage.actions} style={{ marginBottom: 12 }}>
            {actions.length === 0 ? s.noActions : (
              <Space wrap>
                {actions.map((a, i) => (
                  <Button
                    key={a}
                    data-testid={`rect-action-${a}`}
                    type={i === 0 && a !== 'APPEAL' ? 'primary' : 'default'}
                    accessKey={String(i + 1)}
                    title={`Alt+${i + 1}`}
                    onClick={() => setDialog(a)}
                  >
                    {s.events[a] ?? a}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" title={s.evaluation} style={{ marginBottom: 12 }}>
            {r.evaluation ? (
              <Descriptions size="small" column={2}>
                <Descriptions.Item label={s.level}><Tag color="red">{r.evaluation.label}</Tag>{r.evaluation.realName ? s.realName : s.anonymous}</Descriptions.Item>
                <Descriptions.Item label={s.openedAt}>{formatTime(r.evaluation.createdAt)}</Descriptions.Item>
                <Descriptions.Item label={s.reasons} span={2}>{r.evaluation.reasons.join('、') || '—'}</Descriptions.Item>
                <Descriptions.Item label={s.comment} span={2}>{r.evaluation.comment ?? '—'}</Descriptions.Item>
              </Descriptions>
            ) : s.sourceCallback}
          </Card>
          <Card size="small" title={s.finding} style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={s.finding}>{r.justified === null ? '—' : `${r.justified ? s.justified : s.notJustified}。${r.finding ?? ''}`}</Descriptions.Item>
              {r.measures && <Descriptions.Item label={s.measures}>{r.measures}</Descriptions.Item>}
              {r.explanation && <Descriptions.Item label={s.explanation}>{r.explanation}</Descriptions.Item>}
              <Descriptions.Item label={s.followUp}>
                {r.followUps === 0 ? '—' : `${s.followUps(r.followUps)}${r.reached === null ? '' : r.reached ? `，${r.satisfied ? s.results.satisfied : s.results.dissatisfied}` : `，${s.results.unreached}`}`}
              </Descriptions.Item>
              {r.appeal && <Descriptions.Item label={s.appeal}>{r.appeal.reason}{r.appeal.upheld !== null && `（${r.appeal.upheld ? s.upheld : m.app.no}）`}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card size="small" title={s.history}>
            <HistoryList history={r.history} />
          </Card>
        </Col>
        <Col span={9}>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={s.case}><Link to={`/workbench/cases/${r.case.id}`}>{r.case.number}</Link></Descriptions.Item>
              <Descriptions.Item label={s.item}>{r.case.itemName}</Descriptions.Item>
              <Descriptions.Item label={s.org}>{r.org.name}</Descriptions.Item>
              <Descriptions.Item label={s.served}>{[r.window?.name, r.staff?.name].filter(Boolean).join(' · ') || '—'}</Descriptions.Item>
              {r.evaluator && <Descriptions.Item label={s.evaluator}>{r.evaluator.name} {r.evaluator.phone}</Descriptions.Item>}
              <Descriptions.Item label={s.assignee}>{r.assignee?.name ?? <Tag color="orange">{s.unassigned}</Tag>}</Descriptions.Item>
              <Descriptions.Item label={s.dueAt}><span data-testid="rect-due">{formatTime(r.dueAt)}</span></Descriptions.Item>
              <Descriptions.Item label={s.openedAt}>{formatTime(r.openedAt)}</Descriptions.Item>
              {r.closedAt && <Descriptions.Item label={s.closedAt}>{formatTime(r.closedAt)}</Descriptions.Item>}
            </Descriptions>
            <Button block style={{ marginTop: 8 }} onClick={() => void openFile(`/rectifications/${r.id}/feedback.pdf`).catch((e: unknown) => message.error(errorText(e)))}>{s.printFeedback}</Button>
          </Card>
        </Col>
      </Row>
      <ActionDialog
        open={!!dialog}
        form={form}
        title={dialog ? s.events[dialog] ?? dialog : ''}
        busy={busy}
        onClose={() => setDialog(null)}
        onSubmit={(v) => void send(dialog!, v)}
        initial={dialog === 'VERIFY' ? { justified: true } : dialog === 'FOLLOW_UP' ? { reached: true } : dialog === 'DECIDE_APPEAL' ? { upheld: false } : undefined}
      >
        {dialog === 'ASSIGN' && (
          <Form.Item name="userId" label={s.assignee} rules={[{ required: true }]}>
            <Select autoFocus showSearch={{ optionFilterProp: 'label' }} data-testid="rect-assignee" options={r.assignees.map((a) => ({ value: a.id, label: `${a.name}（${a.orgName}）` }))} />
          </Form.Item>
        )}
        {dialog === 'VERIFY' && (
          <>
            <Form.Item name="justified" label={s.finding} rules={[{ required: true }]}>
              <Radio.Group options={[{ value: true, label: s.justified }, { value: false, label: s.notJustified }]} />
            </Form.Item>
            {text('finding', s.finding)}
          </>
        )}
        {dialog === 'RECTIFY' && text('measures', s.measures)}
        {dialog === 'EXPLAIN' && text('explanation', s.explanation)}
        {dialog === 'FOLLOW_UP' && (
          <>
            <Form.Item name="reached" label={s.reached} rules={[{ required: true }]}>
              <Radio.Group options={[{ value: true, label: m.app.yes }, { value: false, label: m.app.no }]} />
            </Form.Item>
            {reached !== false && (
              <Form.Item name="satisfied" label={s.satisfied} rules={[{ required: true }]}>
                <Radio.Group options={[{ value: true, label: s.results.satisfied }, { value: false, label: s.results.dissatisfied }]} />
              </Form.Item>
            )}
            {text('note', s.note, false)}
          </>
        )}
        {dialog === 'CLOSE' && text('note', s.note, false)}
        {dialog === 'APPEAL' && text('reason', s.appealReason)}
        {dialog === 'DECIDE_APPEAL' && (
          <>
            <Form.Item name="upheld" label={s.upheld} rules={[{ required: true }]}>
              <Radio.Group options={[{ value: true, label: s.upheld }, { value: false, label: m.app.no }]} />
            </Form.Item>
            {text('note', s.decisionNote)}
          </>
        )}
      </ActionDialog>
    </>
  );
}

/** The dated trail of a supervision record; what each step said, in its own words. */
export function HistoryList({ history }: { history: HistoryEntry[] }) {
  return (
    <Table<HistoryEntry>
      rowKey="seq"
      size="small"
      pagination={false}
      dataSource={history}
      columns={[
        { title: m.casePage.at, width: 150, render: (_, h) => formatTime(h.at) },
        { title: m.app.actions, width: 90, dataIndex: 'label' },
        { title: m.casePage.by, width: 100, render: (_, h) => h.actor ?? s.system },
        { title: s.note, render: (_, h) => describe(h.payload) },
      ]}
    />
  );
}

function describe(p: Record<string, unknown>): string {
  const parts: string[] = [];
  if (p.userName) parts.push(`${s.assignee}：${String(p.userName)}`);
  if (typeof p.justified === 'boolean') parts.push(p.justified ? s.justified : s.notJustified);
  if (typeof p.confirmed === 'boolean') parts.push(p.confirmed ? s.isConfirmed : s.notJustified);
  if (typeof p.reached === 'boolean') parts.push((p.reached ? (p.satisfied ? s.results.satisfied : s.results.dissatisfied) : s.results.unreached) ?? '');
  if (typeof p.upheld === 'boolean') parts.push(p.upheld ? s.upheld : `${s.appeal}${m.app.no}`);
  if (typeof p.method === 'string') parts.push(s.replyMethods[p.method] ?? p.method);
  if (typeof p.replyNumber === 'string') parts.push(p.replyNumber);
  for (const key of ['finding', 'measures', 'explanation', 'reason', 'result', 'content', 'note']) if (typeof p[key] === 'string' && p[key]) parts.push(String(p[key]));
  return parts.join('；');
}
