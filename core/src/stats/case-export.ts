// The data feed for a provincial platform: cases as NDJSON in the order they last changed, from
// `since`, by keyset over (updated_at, id), personal data masked. A platform keeps the last cursor
// and asks again for what changed after it.
import { AppError } from '../errors/index.ts';
import { maskIdNumber, maskName, maskPhone } from '../privacy/index.ts';
import { readJson } from '../store/index.ts';
import { decodeCursor, encodeCursor } from '../supervision/page-cursor.ts';
import type { StatsDeps } from './stats-deps.ts';

export interface ExportQuery {
  since?: string;
  cursor?: string;
  limit?: number;
}

export interface ExportedCase {
  id: string;
  number: string;
  itemCode: string;
  itemVersion: string;
  itemName: string;
  state: string;
  open: boolean;
  receivingOrgId: string;
  currentOrgId: string;
  intakeOrgId: string | null;
  channel: string;
  applicant: { name: string | null; idNumber: string | null; phone: string | null };
  receivedAt: string;
  acceptedAt: string | null;
  dueAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

interface Row {
  id: string; number: string; item_code: string; item_version: string; state: string; open: boolean | number; receiving_org_id: string; current_org_id: string;
  intake_org_id: string | null; channel: string; applicant: string; applicant_name: string | null; applicant_phone: string | null; received_at: string;
  accepted_at: string | null; due_at: string | null; closed_at: string | null; updated_at: string;
}

export const EXPORT_MAX = 5_000;

/** One page of the feed and the cursor after its last line (null when nothing more has changed yet). */
export async function exportCases(deps: StatsDeps, user: { orgId: string }, q: ExportQuery): Promise<{ items: ExportedCase[]; nextCursor: string | null }> {
  let after = decodeCursor(q.cursor, 2);
  if (!after && q.since) {
    const since = Date.parse(q.since);
    if (Number.isNaN(since)) throw new AppError('VALIDATION_FAILED', 'since 应为 ISO 8601 时间', [{ pointer: '/since', message: '时间格式不正确' }]);
    after = [new Date(since - 1).toISOString(), '\uffff'];
  }
  const limit = Math.min(Math.max(q.limit ?? 1_000, 1), EXPORT_MAX);
  const scope = [...deps.orgs.scope(user.orgId)];
  const whole = deps.orgs.get(user.orgId)?.parentId === null;
  const rows = (await deps.db('cases')
    .modify((b) => {
      // The county sees every case: no list of organisations to test each row against.
      if (!whole) b.whereIn('receiving_org_id', scope);
      if (after) b.where((w) => w.where('updated_at', '>', after![0]!).orWhere((x) => x.where('updated_at', after![0]!).andWhere('id', '>', after![1]!)));
    })
    .orderBy([{ column: 'updated_at' }, { column: 'id' }])
    .limit(limit)
    .select(
      'id', 'number', 'item_code', 'item_version', 'state', 'open', 'receiving_org_id', 'current_org_id', 'intake_org_id', 'channel', 'applicant', 'applicant_name',
      'applicant_phone', 'received_at', 'accepted_at', 'due_at', 'closed_at', 'updated_at',
    )) as Row[];
  const items = rows.map((r) => ({
    id: r.id, number: r.number, itemCode: r.item_code, itemVersion: r.item_version, itemName: deps.item(r.item_code, r.item_version)?.name ?? r.item_code,
    state: r.state, open: Boolean(r.open), receivingOrgId: r.receiving_org_id, currentOrgId: r.current_org_id, intakeOrgId: r.intake_org_id, channel: r.channel,
    applicant: { name: maskName(r.applicant_name), idNumber: maskIdNumber(readJson<{ idNumber?: string }>(r.applicant).idNumber ?? null), phone: maskPhone(r.applicant_phone) },
    receivedAt: r.received_at, acceptedAt: r.accepted_at, dueAt: r.due_at, closedAt: r.closed_at, updatedAt: r.updated_at,
  }));
  const last = rows[rows.length - 1];
  return { items, nextCursor: last ? encodeCursor([last.updated_at, last.id]) : (q.cursor ?? null) };
}
