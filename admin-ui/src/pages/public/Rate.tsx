import { useState } from 'react';
import { Alert, Card, Form, Input, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { evaluatePublic, evaluationOptions, publicWindow, type EvaluationBody } from '../../api/supervision.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { EvaluationForm } from '../../components/EvaluationForm.tsx';
import { formatTime } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';

/**
 * Where the window's evaluation QR code leads (`?window=<id>`, and `&number=` from the evaluator's
 * per-case code): the applicant rates the service with the case number and the phone's last 4 digits.
 */
export default function Rate() {
  const [params] = useSearchParams();
  const windowId = params.get('window') ?? undefined;
  const win = useAsync(async () => (windowId ? publicWindow(windowId) : undefined), [windowId]);
  const options = useAsync(evaluationOptions, []);
  const [keys] = Form.useForm();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  async function submit(body: EvaluationBody) {
    setError(undefined);
    let k: { number: string; phone4: string };
    try {
      k = await keys.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const r = await evaluatePublic(k.number.trim(), { ...body, phone4: k.phone4.trim(), channel: 'qr', ...(windowId ? { windowId } : {}) });
      setDone(`${m.public.evaluated}${r.rectificationDueAt ? m.public.rectifyPromise(formatTime(r.rectificationDueAt).slice(0, 10)) : ''}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ALREADY_EVALUATED') setDone(m.public.alreadyEvaluated);
      else if (e instanceof ApiError && e.status === 404 && e.code === 'CASE_NOT_FOUND') setError(new Error(m.public.notFound));
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{m.public.rateTitle}</Typography.Title>} style={{ maxWidth: 720, margin: '0 auto' }}>
      {win.data && <Typography.Paragraph strong>{m.public.rateWindow(win.data.org.name, win.data.name)}</Typography.Paragraph>}
      <ErrorNote error={win.error} />
      <Typography.Paragraph type="secondary">{m.public.rateHelp}</Typography.Paragraph>
      {done ? (
        <Alert type="success" title={done} data-testid="evaluated" />
      ) : (
        <>
          <Form form={keys} layout="inline" initialValues={{ number: params.get('number') ?? '' }} style={{ marginBottom: 16 }}>
            <Form.Item name="number" label={m.public.number} rules={[{ required: true }]}>
              <Input style={{ width: 240 }} autoFocus data-testid="rate-number" />
            </Form.Item>
            <Form.Item name="phone4" label={m.public.phone4} rules={[{ required: true, pattern: /^\d{4}$/ }]}>
              <Input style={{ width: 100 }} maxLength={4} inputMode="numeric" data-testid="rate-phone4" />
            </Form.Item>
          </Form>
          <ErrorNote error={error} />
          {options.data && <EvaluationForm options={options.data} busy={busy} onSubmit={(v) => void submit(v)} />}
        </>
      )}
    </Card>
  );
}
