// The supervision sweeper: fires due rectification, refusal report and 办不成事 deadlines (the runtime runs it on the
// same timer as the cases' sweeper).
import { rectificationDeadlines } from './rectifications.ts';
import { refusalReportDeadlines } from './refusal-reports.ts';
import { unresolvedRequestDeadlines } from './unresolved-requests.ts';
import { sweepSupervisionDeadlines } from './supervision-deadlines.ts';
import type { SupervisionDeps } from './supervision-deps.ts';

export function sweepSupervision(deps: SupervisionDeps, worker: string, now: Date): Promise<{ fired: number }> {
  return sweepSupervisionDeadlines(deps.db, { rectification: rectificationDeadlines(deps), 'refusal-report': refusalReportDeadlines(deps), 'unresolved-request': unresolvedRequestDeadlines(deps) }, worker, now);
}
