// The centre head's page in one read: this month's rates, the open and overdue rectifications,
// open complaints, refusals awaiting review and 办不成事 requests — each from an index or the rollups.
import { countOpenComplaints } from './complaints.ts';
import { countRectifications, listRectifications } from './rectifications.ts';
import { countPendingRefusals } from './refusal-reports.ts';
import type { StaffUser, SupervisionDeps } from './supervision-deps.ts';
import { supervisionStats } from './supervision-stats.ts';
import { countOpenRequests } from './unresolved-requests.ts';
import { AppError } from '../errors/index.ts';

export async function centreSummary(deps: SupervisionDeps, user: StaffUser, q: { orgId?: string }) {
  const orgId = q.orgId ?? user.orgId;
  if (!deps.orgs.get(orgId) || !deps.orgs.scope(user.orgId).has(orgId)) throw new AppError('ORG_NOT_FOUND');
  const orgIds = [...deps.orgs.scope(orgId)];
  const now = deps.now();
  const [month, rectifications, complaints, refusals, requests, overdue] = await Promise.all([
    supervisionStats(deps, user, { orgId, groupBy: 'org' }),
    countRectifications(deps, orgIds, now),
    countOpenComplaints(deps, orgIds),
    countPendingRefusals(deps, orgIds),
    countOpenRequests(deps, orgIds, now),
    listRectifications(deps, user, { orgId, status: 'active', limit: 8 }),
  ]);
  return {
    org: { id: orgId, name: deps.orgs.get(orgId)!.name },
    period: { from: month.from, to: month.to },
    month: month.total,
    rectifications,
    complaints: { open: complaints },
    refusals: { pending: refusals },
    requests,
    dueFirst: overdue.items,
  };
}
