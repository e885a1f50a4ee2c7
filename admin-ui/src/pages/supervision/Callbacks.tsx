import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Radio, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { callbackSample, recordCallback, type SampleItem } from '../../api/supervision.ts';
import { ErrorNote, errorText } from '../../components/ErrorNote.tsx';
import { formatTime } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { ActionDialog, showProblems } from './ActionDialog.tsx';

const s = m.supervision;
const RESULT_COLORS: Record<string, string> = { pending: 'default', satisfied: 'green', dissatisfied: 'red', unreached: 'orange' };

/** 电话回访: the month's random sample (drawn once, kept), the call form, the month's counts. */
export default function Callbacks() {
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [n, setN] = useState<number | undefined>();
  const sample = useAsync(() => callbackSample({ month: month.format('YYYY-MM'), ...(n ? { n } : {}) }), [month.format('YYYY-MM'), n]);
  const [calling, setCalling] = useState<SampleItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const reached = Form.useWatch('reached', form) as boolean | undefined;

  async function call(v: Record<string, unknown>) {
    if (!calling) return;
    setBusy(true);
    try {
      const done = await recordCallback({ caseId: calling.caseId, reached: v.reached === true, ...(v.reached ? { satisfied: v.satisfied === true } : {}), ...(v.note ? { note: String(v.note) } : {}) });
      setCalling(null);
      message.success(done.rectificationId ? `${s.results.dissatisfied}：${s.dissatisfiedOpens}` : s.done(s.call));
      sample.reload();
    } catch (e) {
      if (!(e instanceof ApiError && showProblems(form, e.problems))) message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const data = sample.data;
  return (
    <>
      <Typography.Title level={4}>{s.callbackTitle}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }} align="center">
        <DatePicker picker="month" value={month} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'month')} onChange={(v) => v && setMonth(v)} aria-label={s.month} />
        <InputNumber min={1} max={200} placeholder={s.sampleSizeLabel} value={n} onChange={(v) => setN(v ?? undefined)} aria-label={s.sampleSizeLabel} />
        <Button onClick={sample.reload}>{s.sample}</Button>
        {data && <Typography.Text type="secondary">{s.drawn(data.items.length)}</Typography.Text>}
      </Space>
      {data && (
        <Space size={32} style={{ display: 'flex', marginBottom: 12 }}>
          {(['satisfied', 'dissatisfied', 'unreached', 'pending'] as const).map((k) => <Statistic key={k} title={s.results[k]} value={data.counts[k]} />)}
          <Statistic title={s.callbackRate} value={s.rate(data.counts.satisfied + data.counts.dissatisfied > 0 ? data.counts.satisfied / (data.counts.satisfied + data.counts.dissatisfied) : null)} />
        </Space>
      )}
      <ErrorNote error={sample.error} />
      <Table<SampleItem>
        rowKey="caseId"
        size="small"
        loading={sample.loading}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: s.empty }}
        columns={[
          { title: '#', dataIndex: 'position', width: 50 },
          { title: s.case, width: 180, render: (_, i) => <Link to={`/workbench/cases/${i.caseId}`}>{i.caseNumber}</Link> },
          { title: s.item, dataIndex: 'itemName' },
          { title: s.applicant, dataIndex: 'applicantName', width: 90 },
          { title: s.phone, dataIndex: 'phone', width: 130 },
          { title: s.closedAt, width: 150, render: (_, i) => formatTime(i.closedAt) },
          { title: s.callNote, render: (_, i) => i.calls.map((c) => `${formatTime(c.at)} ${c.by}${c.note ? `：${c.note}` : ''}`).join('；') || '—' },
          { title: s.status, width: 90, render: (_, i) => <Tag color={RESULT_COLORS[i.result]}>{s.results[i.result]}</Tag> },
          {
            title: m.app.actions,
            width: 90,
            render: (_, i) => (i.result === 'pending' || i.result === 'unreached') && (
              <Button size="small" type="link" data-testid={`call-${i.caseNumber}`} onClick={() => setCalling(i)}>{s.call}</Button>
            ),
          },
        ]}
      />
      <ActionDialog open={!!calling} form={form} title={`${s.call} ${calling?.caseNumber ?? ''}`} busy={busy} onClose={() => setCalling(null)} onSubmit={(v) => void call(v)} initial={{ reached: true }}>
        <Form.Item name="reached" label={s.callReached} rules={[{ required: true }]}>
          <Radio.Group options={[{ value: true, label: m.app.yes }, { value: false, label: m.app.no }]} />
        </Form.Item>
        {reached !== false && (
          <Form.Item name="satisfied" label={s.callSatisfied} rules={[{ required: true }]} extra={s.dissatisfiedOpens}>
            <Radio.Group options={[{ value: true, label: s.results.satisfied }, { value: false, label: s.results.dissatisfied }]} />
          </Form.Item>
        )}
        <Form.Item name="note" label={s.callNote}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} /></Form.Item>
      </ActionDialog>
    </>
  );
}
