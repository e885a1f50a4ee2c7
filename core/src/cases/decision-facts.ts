// A decision's words reach the documents issued after it: the approver's opinion (APPROVE, DECIDE)
// and a denial's reasons (DENY) are given one step before SEAL issues the 决定书 or the result,
// whose event carries none of them. The law puts them there (行政许可法 art. 38: a denial states its
// reasons), so the SEAL step reads the last decision that gave any.
import { readJson, type Sql } from '../store/index.ts';
import type { EventFacts } from './document-facts.ts';

const DECISIONS = ['APPROVE', 'DENY', 'DECIDE'];

export async function lastDecisionFacts(sql: Sql, caseId: string): Promise<Pick<EventFacts, 'opinion' | 'reason'>> {
  const rows = await sql.all<{ payload: unknown }>(
    `select payload from case_events where case_id = ? and type in (?, ?, ?) order by seq desc`,
    [caseId, ...DECISIONS],
  );
  for (const row of rows) {
    const payload = readJson<Record<string, unknown>>(row.payload) ?? {};
    const text = (k: string) => (typeof payload[k] === 'string' && (payload[k] as string).trim() !== '' ? (payload[k] as string) : undefined);
    const opinion = text('opinion');
    const reason = text('reason');
    if (opinion || reason) return { ...(opinion ? { opinion } : {}), ...(reason ? { reason } : {}) };
  }
  return {};
}
