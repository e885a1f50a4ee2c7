import { useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Col, DatePicker, Form, InputNumber, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { getSettings, saveSettings, supervisionStats, supervisionSummary, type OwnSettings, type RectificationSummary, type StatsRow } from '../../api/supervision.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { hasRole } from '../../auth/session.ts';
import { ErrorNote, errorText } from '../../components/ErrorNote.tsx';
import { formatTime } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { statusColor } from './RectificationList.tsx';

const s = m.supervision;

/** The centre head's page: this month's 好评率 and rates, what waits (rectifications, complaints, refusals, requests), rates by group, the settings. */
export default function Overview() {
  const navigate = useNavigate();
  const summary = useAsync(supervisionSummary, []);
  const d = summary.data;
  const tile = (title: string, value: number | string, to: string, danger = false, testId?: string) => (
    <Card size="small" hoverable tabIndex={0} onClick={() => navigate(to)} onKeyDown={(e) => { if (e.key === 'Enter') navigate(to); }} data-testid={testId}>
      <Statistic title={title} value={value} valueStyle={danger && Number(value) > 0 ? { color: '#cf1322' } : undefined} />
    </Card>
  );
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{d ? s.overviewTitle(d.org.name) : s.settings}</Typography.Title>
      <ErrorNote error={summary.error} />
      {d && (
        <>
          <Typography.Text type="secondary">{s.period(d.period.from, d.period.to)}</Typography.Text>
          <Row gutter={[12, 12]} style={{ margin: '8px 0 12px' }}>
            <Col span={4}>{tile(s.goodRate, s.rate(d.month.goodRate), '/supervision/evaluations', false, 'overview-good-rate')}</Col>
            <Col span={4}>{tile(s.badCount, d.month.bad, '/supervision/evaluations')}</Col>
            <Col span={4}>{tile(s.rectificationRate, s.rate(d.month.rectificationRate), '/supervision/rectifications')}</Col>
            <Col span={4}>{tile(s.realNameRate, s.rate(d.month.realNameRate), '/supervision/rectifications')}</Col>
            <Col span={4}>{tile(s.callbackRate, s.rate(d.month.callbackSatisfactionRate), '/supervision/callbacks')}</Col>
            <Col span={4}>{tile(s.evaluations, d.month.evaluations, '/supervision/evaluations')}</Col>
            <Col span={4}>{tile(s.openRectifications, d.rectifications.open, '/supervision/rectifications', false, 'overview-open')}</Col>
            <Col span={4}>{tile(s.overdueRectifications, d.rectifications.overdue, '/supervision/rectifications', true)}</Col>
            <Col span={4}>{tile(s.unassigned, d.rectifications.unassigned, '/supervision/rectifications', true)}</Col>
            <Col span={4}>{tile(s.openComplaints, d.complaints.open, '/supervision/complaints')}</Col>
            <Col span={4}>{tile(s.pendingRefusals, d.refusals.pending, '/supervision/refusals', true)}</Col>
            <Col span={4}>{tile(s.openRequests, `${d.requests.open}${d.requests.overdue ? ` / ${s.overdue}${d.requests.overdue}` : ''}`, '/supervision/requests')}</Col>
          </Row>
          <Card size="small" title={s.dueFirst} style={{ marginBottom: 12 }}>
            <Table<RectificationSummary>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.dueFirst}
              locale={{ emptyText: s.empty }}
              onRow={(r) => ({ tabIndex: 0, onDoubleClick: () => navigate(`/supervision/rectifications/${r.id}`), onKeyDown: (e) => { if (e.key === 'Enter') navigate(`/supervision/rectifications/${r.id}`); } }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: s.number, dataIndex: 'number', width: 170 },
                { title: s.case, dataIndex: 'caseNumber', width: 170 },
                { title: s.item, dataIndex: 'itemName' },
                { title: s.level, width: 100, render: (_, r) => r.levelLabel ?? s.sourceCallback },
                { title: s.assignee, width: 100, render: (_, r) => r.assignee?.name ?? '—' },
                { title: s.status, width: 100, render: (_, r) => <Tag color={statusColor(r.status)}>{r.statusLabel}</Tag> },
                { title: s.dueAt, width: 150, render: (_, r) => <Space size={4}>{formatTime(r.dueAt).slice(0, 10)}{r.overdue && <Tag color="red">{s.overdue}</Tag>}</Space> },
              ]}
            />
          </Card>
        </>
      )}
      <StatsTable />
      {d && <SettingsCard orgId={d.org.id} />}
    </>
  );
}

function StatsTable() {
  const [groupBy, setGroupBy] = useState('window');
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const stats = useAsync(() => supervisionStats({ groupBy, from: period[0].format('YYYY-MM-DD'), to: period[1].format('YYYY-MM-DD') }), [groupBy, period[0].valueOf(), period[1].valueOf()]);
  const rate = (key: keyof StatsRow) => ({ title: titleOf(key), width: 110, render: (_: unknown, r: StatsRow) => s.rate(r[key] as number | null) });
  return (
    <Card
      size="small"
      title={s.statsTitle}
      style={{ marginBottom: 12 }}
      extra={
        <Space>
          <Segmented value={groupBy} onChange={(v) => setGroupBy(String(v))} options={Object.entries(s.groupBy).map(([value, label]) => ({ value, label }))} />
          <DatePicker.RangePicker size="small" value={period} allowClear={false} onChange={(v) => v && v[0] && v[1] && setPeriod([v[0], v[1]])} />
        </Space>
      }
    >
      <ErrorNote error={stats.error} />
      <Table<StatsRow>
        rowKey="key"
        size="small"
        loading={stats.loading}
        pagination={false}
        dataSource={stats.data?.rows ?? []}
        locale={{ emptyText: s.empty }}
        columns={[
          { title: s.name, dataIndex: 'name' },
          { title: s.evaluations, dataIndex: 'evaluations', width: 80 },
          rate('goodRate'),
          { title: s.badCount, dataIndex: 'bad', width: 80 },
          rate('rectificationRate'),
          rate('realNameRate'),
          rate('callbackSatisfactionRate'),
          { title: s.complaints, width: 90, render: (_, r) => `${r.complaints}${r.complaintsConfirmed ? `（${s.confirmed}${r.complaintsConfirmed}）` : ''}` },
        ]}
      />
    </Card>
  );
}

function titleOf(key: keyof StatsRow): string {
  return { goodRate: s.goodRate, rectificationRate: s.rectificationRate, realNameRate: s.realNameRate, callbackSatisfactionRate: s.callbackRate }[key as string] ?? String(key);
}

/** The organisation's supervision settings; each left empty takes the parent's (or the default). */
function SettingsCard({ orgId }: { orgId: string }) {
  const { message } = App.useApp();
  const { session } = useAuth();
  const settings = useAsync(() => getSettings(orgId), [orgId]);
  const [form] = Form.useForm<OwnSettings>();
  const [busy, setBusy] = useState(false);
  const editable = hasRole(session, 'head', 'admin');
  if (!settings.data) return <ErrorNote error={settings.error} />;
  const { effective, own, from } = settings.data;
  const source = (k: keyof OwnSettings) => (own[k] === null ? s.inherited(from[k]) : s.own);
  async function save(v: OwnSettings) {
    setBusy(true);
    try {
      settings.setData(await saveSettings(orgId, { rectificationDays: v.rectificationDays ?? null, refusalReview: v.refusalReview ?? null, callbackSampleSize: v.callbackSampleSize ?? null }));
      message.success(m.app.saved);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card size="small" title={s.settings}>
      <Form form={form} layout="inline" initialValues={own} onFinish={(v) => void save(v)} disabled={!editable}>
        <Form.Item name="rectificationDays" label={s.rectificationDays} tooltip={s.rectificationDaysHelp} extra={`${source('rectificationDays')} · ${effective.rectificationDays}`}>
          <InputNumber min={1} max={7} placeholder={String(effective.rectificationDays)} />
        </Form.Item>
        <Form.Item name="refusalReview" label={s.refusalReview} extra={source('refusalReview')}>
          <Select allowClear style={{ width: 320 }} placeholder={s.refusalModes[effective.refusalReview]} options={Object.entries(s.refusalModes).map(([value, label]) => ({ value, label }))} data-testid="settings-refusal" />
        </Form.Item>
        <Form.Item name="callbackSampleSize" label={s.sampleSize} extra={`${source('callbackSampleSize')} · ${effective.callbackSampleSize}`}>
          <InputNumber min={1} max={200} placeholder={String(effective.callbackSampleSize)} />
        </Form.Item>
        {editable && <Button type="primary" htmlType="submit" loading={busy}>{m.app.save}</Button>}
      </Form>
    </Card>
  );
}
