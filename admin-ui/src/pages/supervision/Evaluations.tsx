import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api/errors.ts';
import { listCases } from '../../api/cases.ts';
import { evaluateAtCounter, evaluationOptions, listEvaluations, type EvaluationBody, type EvaluationSummary } from '../../api/supervision.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { EvaluationForm } from '../../components/EvaluationForm.tsx';
import { formatTime } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { usePages } from './usePages.ts';

const s = m.supervision;

/** 评价记录 and the paper 评议卡 entry: staff transcribe a card the applicant filled in, once per card. */
export default function Evaluations() {
  const { message } = App.useApp();
  const options = useAsync(evaluationOptions, []);
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [level, setLevel] = useState<number | undefined>();
  const pages = usePages(
    (cursor) => listEvaluations({ from: period[0].format('YYYY-MM-DD'), to: period[1].format('YYYY-MM-DD'), level, cursor }),
    [period[0].valueOf(), period[1].valueOf(), level],
  );
  const [card, setCard] = useState({ number: '', cardNumber: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [formKey, setFormKey] = useState(0);

  async function enter(body: EvaluationBody) {
    setError(undefined);
    if (!card.number.trim() || !card.cardNumber.trim()) {
      setError(new Error(`${s.caseNumberOrId}、${s.cardNumber}`));
      return;
    }
    setBusy(true);
    try {
      const found = (await listCases({ q: card.number.trim() })).items.find((c) => c.number === card.number.trim());
      if (!found) throw new Error(m.public.notFound);
      await evaluateAtCounter({ ...body, caseId: found.id, channel: 'paper', realName: Boolean(body.realName), cardNumber: card.cardNumber.trim() });
      message.success(s.entered);
      setCard({ number: '', cardNumber: '' });
      setFormKey((k) => k + 1);
      pages.reload();
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'ALREADY_EVALUATED' ? new Error(m.public.alreadyEvaluated) : e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Typography.Title level={4}>{s.evaluationTitle}</Typography.Title>
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Space wrap style={{ marginBottom: 12 }}>
            <DatePicker.RangePicker value={period} allowClear={false} onChange={(v) => v && v[0] && v[1] && setPeriod([v[0], v[1]])} />
            <Select allowClear placeholder={s.level} style={{ width: 130 }} value={level} onChange={(v: number | undefined) => setLevel(v)} options={(options.data?.levels ?? []).map((l) => ({ value: l.level, label: l.label }))} />
            <Button onClick={pages.reload}>{m.app.refresh}</Button>
          </Space>
          <ErrorNote error={pages.error} />
          <Table<EvaluationSummary>
            rowKey="caseId"
            size="small"
            loading={pages.loading}
            dataSource={pages.items}
            pagination={false}
            locale={{ emptyText: s.empty }}
            columns={[
              { title: s.receivedAt, width: 135, render: (_, e) => formatTime(e.createdAt) },
              { title: s.case, dataIndex: 'caseNumber', width: 165 },
              { title: s.level, width: 100, render: (_, e) => <Tag color={e.level <= 2 ? 'red' : e.level >= 4 ? 'green' : 'default'}>{e.label}</Tag> },
              { title: s.reasons, render: (_, e) => [e.reasons.join('、'), e.comment].filter(Boolean).join('；') || '—' },
              { title: s.channel, dataIndex: 'channelLabel', width: 110 },
              { title: s.served, width: 130, render: (_, e) => [e.window?.name, e.staff?.name].filter(Boolean).join(' · ') },
            ]}
          />
          {pages.more && <Button style={{ marginTop: 8 }} onClick={pages.loadMore}>{s.loadMore}</Button>}
        </div>
        <div style={{ width: 380, flex: 'none', border: '1px solid #f0f0f0', borderRadius: 8, padding: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{s.paperCard}</Typography.Title>
          <Typography.Paragraph type="secondary">{s.paperHelp}</Typography.Paragraph>
          <ErrorNote error={error} />
          {options.data && (
            <EvaluationForm
              key={formKey}
              options={options.data}
              busy={busy}
              onSubmit={(v) => void enter(v)}
              extra={
                <>
                  <Form.Item label={s.caseNumberOrId} required>
                    <Input value={card.number} onChange={(e) => setCard((c) => ({ ...c, number: e.target.value }))} data-testid="card-case" />
                  </Form.Item>
                  <Form.Item label={s.cardNumber} required>
                    <Input value={card.cardNumber} onChange={(e) => setCard((c) => ({ ...c, cardNumber: e.target.value }))} data-testid="card-number" />
                  </Form.Item>
                </>
              }
            />
          )}
        </div>
      </div>
    </>
  );
}
