import { useEffect, useState } from 'react';
import { Alert, Card, Result, Spin, Typography } from 'antd';
import { ApiError } from '../../api/errors.ts';
import { evaluateAtCounter, evaluationOptions, myWindow, pendingEvaluation, type EvaluationBody } from '../../api/supervision.ts';
import { ErrorNote, errorText } from '../../components/ErrorNote.tsx';
import { EvaluationForm } from '../../components/EvaluationForm.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { QrCode } from '../public/QrCode.tsx';

const s = m.supervision;
const POLL_MS = 3000;
const THANKS_MS = 5000;

/**
 * The window's evaluator (评价器), on a tablet facing the applicant, signed in as the window's
 * staff: it waits for the case the clerk hands to it, then shows only the rating — big buttons, or a
 * per-case QR code to rate on one's own phone — and thanks the applicant. No staff menu here.
 */
export default function Tablet() {
  const options = useAsync(evaluationOptions, []);
  const mine = useAsync(myWindow, []);
  const windowId = mine.data?.window?.id;
  const [pending, setPending] = useState<{ caseId: string; caseNumber: string; itemName: string } | null>(null);
  const [thanks, setThanks] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (!windowId || thanks) return;
    let live = true;
    const poll = () => pendingEvaluation(windowId).then((p) => live && setPending(p.pending), (e: unknown) => live && setError(e));
    void poll();
    const t = setInterval(poll, POLL_MS);
    return () => { live = false; clearInterval(t); };
  }, [windowId, thanks]);

  async function rate(body: EvaluationBody) {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      await evaluateAtCounter({ ...body, caseId: pending.caseId, channel: 'tablet', realName: Boolean(body.realName) });
      setThanks(true);
      setPending(null);
      setTimeout(() => setThanks(false), THANKS_MS);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setPending(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  let body;
  if (mine.loading || options.loading) body = <Spin />;
  else if (!windowId) body = <Alert type="warning" title={s.tabletNoWindow} />;
  else if (thanks) body = <Result status="success" title={s.tabletThanks} />;
  else if (!pending) body = <Result status="info" title={s.tabletWaiting} subTitle={mine.data?.window?.name} />;
  else {
    const link = `${window.location.origin}/public/rate?window=${encodeURIComponent(windowId)}&number=${encodeURIComponent(pending.caseNumber)}`;
    body = (
      <div style={{ display: 'flex', gap: 32, alignItems: 'flex-start' }}>
        <div style={{ flex: 1 }}>
          <Typography.Paragraph style={{ fontSize: 18 }} data-testid="tablet-case">{pending.itemName} · {pending.caseNumber}</Typography.Paragraph>
          {options.data && <EvaluationForm large options={options.data} busy={busy} onSubmit={(v) => void rate(v)} />}
        </div>
        <div style={{ textAlign: 'center', width: 200 }}>
          <QrCode text={link} size={180} />
          <Typography.Paragraph type="secondary">{s.tabletOr}</Typography.Paragraph>
        </div>
      </div>
    );
  }
  return (
    <div style={{ minHeight: '100vh', background: '#fafafa', padding: 32 }}>
      <Card title={<Typography.Title level={3} style={{ margin: 0, color: '#b71c1c' }}>{s.tabletTitle}</Typography.Title>} style={{ maxWidth: 1100, margin: '0 auto' }}>
        {error ? <ErrorNote error={new Error(errorText(error))} /> : null}
        {body}
      </Card>
    </div>
  );
}
