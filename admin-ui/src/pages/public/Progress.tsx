import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { findPublicCase } from '../../api/public.ts';
import { evaluatePublic, evaluationOptions, type EvaluationBody } from '../../api/supervision.ts';
import type { CaseView } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { EvaluationForm } from '../../components/EvaluationForm.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { HistoryTable } from '../workbench/case/HistoryTable.tsx';
import { DeadlineList } from '../workbench/case/DeadlineList.tsx';
import { documentLabel, formatTime, stateLabel } from '../../format/labels.ts';
import { m } from '../../i18n/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

type Found = CaseView;

/** Progress by case number + the phone's last four digits, and 好差评 once per case (from the SMS link: `?channel=sms`). */
export default function Progress() {
  const [params] = useSearchParams();
  const options = useAsync(evaluationOptions, []);
  const [found, setFound] = useState<Found>();
  const [keys, setKeys] = useState<{ number: string; phone4: string }>();
  const [error, setError] = useState<unknown>();
  const [evaluated, setEvaluated] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function search(v: { number: string; phone4: string }) {
    setError(undefined);
    setFound(undefined);
    setEvaluated(undefined);
    try {
      setFound(await findPublicCase(v.number.trim(), v.phone4.trim()));
      setKeys(v);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? new Error(m.public.notFound) : e);
    }
  }

  async function evaluate(v: EvaluationBody) {
    if (!keys) return;
    setBusy(true);
    try {
      const done = await evaluatePublic(keys.number.trim(), { ...v, phone4: keys.phone4.trim(), channel: params.get('channel') === 'sms' ? 'sms' : 'portal' });
      setEvaluated(`${m.public.evaluated}${done.rectificationDueAt ? m.public.rectifyPromise(formatTime(done.rectificationDueAt).slice(0, 10)) : ''}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setEvaluated(m.public.alreadyEvaluated);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  const alreadyDone = !!found?.evaluation;
  return (
    <Card>
      <PageTitle>{m.public.progress}</PageTitle>
      <Form layout="inline" onFinish={search} initialValues={{ number: params.get('number') ?? '' }}>
        <Form.Item name="number" label={m.public.number} rules={[{ required: true }]}><Input style={{ width: 260 }} data-testid="progress-number" /></Form.Item>
        <Form.Item name="phone4" label={m.public.phone4} rules={[{ required: true, pattern: /^\d{4}$/ }]}><Input style={{ width: 100 }} maxLength={4} data-testid="progress-phone4" /></Form.Item>
        <Button type="primary" htmlType="submit">{m.public.query}</Button>
      </Form>
      <div style={{ marginTop: 16 }}><ErrorNote error={error} /></div>
      {found && (
        <>
          <Typography.Title level={5}>
            {found.number} · {found.itemName} · <span data-testid="public-state">{stateLabel(found.state)}</span>
          </Typography.Title>
          <DeadlineList deadlines={found.deadlines} />
          <div style={{ marginTop: 12 }}><HistoryTable history={found.history ?? []} /></div>
          {(found.documents ?? []).length > 0 && (
            <Typography.Paragraph style={{ marginTop: 12 }}>
              {m.casePage.documents}：{(found.documents ?? []).map((d) => `${d.title ?? documentLabel(d.kind)}（${d.number ?? ''}）`).join('；')}
            </Typography.Paragraph>
          )}
          <Card size="small" title={m.public.evaluate} style={{ marginTop: 16 }}>
            {evaluated || alreadyDone ? (
              <Alert type="success" title={evaluated ?? m.public.alreadyEvaluated} data-testid="evaluated" />
            ) : found.canEvaluate === false ? (
              <Alert type="info" title={m.public.notOpenYet} />
            ) : (
              options.data && <EvaluationForm options={options.data} busy={busy} onSubmit={(v) => void evaluate(v)} />
            )}
          </Card>
        </>
      )}
    </Card>
  );
}
