import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { evaluateCase, findPublicCase } from '../../api/public.ts';
import type { CaseView } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { HistoryTable } from '../workbench/case/HistoryTable.tsx';
import { DeadlineList } from '../workbench/case/DeadlineList.tsx';
import { documentLabel, stateLabel } from '../../format/labels.ts';
import { m } from '../../i18n/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

type Found = CaseView;

/** Progress by case number + the phone's last four digits, and 好差评 once per case. */
export default function Progress() {
  const [params] = useSearchParams();
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

  async function evaluate(v: { level: number; comment?: string }) {
    if (!keys) return;
    setBusy(true);
    try {
      await evaluateCase(keys.number.trim(), keys.phone4.trim(), v.level, v.comment);
      setEvaluated(m.public.evaluated);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setEvaluated(m.public.alreadyEvaluated);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  const alreadyDone = found && (found.canEvaluate === false || !!found.evaluation);
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
            ) : (
              <Form layout="vertical" onFinish={evaluate}>
                <Form.Item name="level" rules={[{ required: true }]}>
                  <Radio.Group>
                    <Space wrap>
                      {m.public.evaluateLevels.map((label, i) => (
                        // 非常满意 is level 5, 非常不满意 level 1.
                        <Radio key={label} value={5 - i} data-testid={`evaluate-${5 - i}`}>{label}</Radio>
                      ))}
                    </Space>
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="comment" label={m.public.comment}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>{m.public.submitEvaluation}</Button>
              </Form>
            )}
          </Card>
        </>
      )}
    </Card>
  );
}
