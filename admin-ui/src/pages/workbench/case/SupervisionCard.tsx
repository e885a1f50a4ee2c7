import { App, Button, Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { listEvaluations, listRectifications, listRefusalReports, requestEvaluation } from '../../../api/supervision.ts';
import type { CaseView } from '../../../api/types.ts';
import { useAuth } from '../../../auth/AuthContext.tsx';
import { hasRole } from '../../../auth/session.ts';
import { errorText } from '../../../components/ErrorNote.tsx';
import { useAsync } from '../../../hooks/useAsync.ts';
import { m } from '../../../i18n/index.ts';

const s = m.supervision;
/** States after a decision, a refusal or a referral, when the applicant may rate the service. */
const RATED = ['approved', 'denied', 'delivering', 'concluded', 'returned'];

/** The case's 好差评: its evaluation, the work orders it opened, its refusal reports; and handing it to the window's evaluator. */
export function SupervisionCard({ caseView }: { caseView: CaseView }) {
  const { message } = App.useApp();
  const { session } = useAuth();
  const id = caseView.id;
  const found = useAsync(async () => {
    const [evaluations, rectifications, refusals] = await Promise.all([
      listEvaluations({ caseId: id }),
      listRectifications({ caseId: id }),
      listRefusalReports({ caseId: id }),
    ]);
    return { evaluation: evaluations.items[0], rectifications: rectifications.items, refusals: refusals.items };
  }, [id, caseView.version]);
  const d = found.data;
  const canAsk = !d?.evaluation && RATED.includes(caseView.state.split('.')[0]!) && hasRole(session, 'clerk', 'agent', 'head');
  async function ask() {
    try {
      await requestEvaluation(id);
      message.success(s.asked);
    } catch (e) {
      message.warning(errorText(e));
    }
  }
  if (!d) return null;
  return (
    <Card size="small" title={s.supervisionCard} style={{ marginTop: 12 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <span data-testid="case-evaluation">{d.evaluation ? s.caseEvaluated(d.evaluation.label) : s.caseNotEvaluated}</span>
        {canAsk && <Button size="small" onClick={() => void ask()} data-testid="ask-evaluation">{s.askEvaluation}</Button>}
        {d.rectifications.map((r) => (
          <Typography.Text key={r.id}>
            {s.caseRectifications}：<Link to={`/supervision/rectifications/${r.id}`}>{r.number}</Link> <Tag>{r.statusLabel}</Tag>
          </Typography.Text>
        ))}
        {d.refusals.map((r) => (
          <Typography.Text key={r.id}>{s.refusalTitle}：{r.eventLabel} <Tag>{r.statusLabel}</Tag>{r.reviewNote ?? ''}</Typography.Text>
        ))}
      </Space>
    </Card>
  );
}
