// The worker's statements on `outbox`: a batch of due rows claimed with one statement and their
// outcomes written with one more per batch, so an effect costs a fraction of a statement of
// bookkeeping instead of three.
import { placeholders, readJson, writeJson, type Sql } from '../store/index.ts';

export interface OutboxRow {
  id: number;
  caseId: string;
  effectId: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** How a claimed row ended: done (with a note for the staff, or none), or failed with an error. */
export type OutboxOutcome = { row: OutboxRow; done: true; note: string | null } | { row: OutboxRow; done: false; error: unknown };

export const MAX_ATTEMPTS = 8;

export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** attempts, 3_600_000);
}

/**
 * A worker in this process that takes rows as their transaction commits. The row is written already
 * leased to it, so no claim statement is needed to find it again; if this process ends before the
 * row is done, the lease runs out and any worker claims it.
 */
export interface OutboxLease {
  readonly holder: string;
  readonly leaseMs: number;
  take(row: OutboxRow): void;
}

/**
 * Leaves an effect for the worker, inside the transaction of the step (or deadline) that caused it:
 * written leased to `lease` and handed to it when that transaction commits.
 */
export async function enqueueEffect(
  sql: Sql,
  effect: { caseId: string; effectId: string; kind: string; payload: Record<string, unknown>; at: string },
  lease: OutboxLease,
): Promise<void> {
  const onCommit = sql.onCommit;
  if (!onCommit) throw new Error('enqueueEffect must run inside transact(): its row is handed over when the transaction commits');
  const until = new Date(Date.parse(effect.at) + lease.leaseMs).toISOString();
  const inserted = await sql.first<{ id: number | string }>(
    "insert into outbox (case_id, effect_id, kind, payload, status, attempts, next_attempt_at, created_at, claimed_by, claimed_until) values (?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?) returning id",
    [effect.caseId, effect.effectId, effect.kind, writeJson(effect.payload), effect.at, effect.at, lease.holder, until],
  );
  const row: OutboxRow = { id: Number(inserted!.id), caseId: effect.caseId, effectId: effect.effectId, kind: effect.kind, payload: effect.payload, attempts: 0 };
  onCommit(() => lease.take(row));
}

const DUE = "status = 'pending' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)";

// On PostgreSQL a worker whose subquery picked rows another one claimed meanwhile re-checks them
// once it holds their locks (the repeated conditions) and takes none of them. SQLite runs the
// statement under its one write lock, so the subquery's choice stands; there the repeated
// conditions would only lead its planner to scan every pending row instead of taking these by id.
const PICK = `id in (select id from outbox where ${DUE} order by next_attempt_at, id limit ?)`;
const CLAIM_SQLITE = `update outbox set claimed_by = ?, claimed_until = ? where ${PICK} returning id, case_id, effect_id, kind, payload, attempts`;
const CLAIM_PG = `update outbox set claimed_by = ?, claimed_until = ? where ${PICK} and ${DUE} returning id, case_id, effect_id, kind, payload, attempts`;

interface ClaimedRow {
  id: number | string;
  case_id: string;
  effect_id: string;
  kind: string;
  payload: unknown;
  attempts: number | string;
}

/** Leases up to `limit` due rows to `worker` until `leaseUntil`, longest due first (for new rows: in the order written). */
export async function claimDueRows(sql: Sql, worker: string, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
  const at = now.toISOString();
  const rows = await sql.all<ClaimedRow>(
    sql.dialect === 'pg' ? CLAIM_PG : CLAIM_SQLITE,
    [worker, leaseUntil.toISOString(), at, at, limit, ...(sql.dialect === 'pg' ? [at, at] : [])],
  );
  return rows
    .map((r) => ({ id: Number(r.id), caseId: r.case_id, effectId: r.effect_id, kind: r.kind, payload: readJson<Record<string, unknown>>(r.payload), attempts: Number(r.attempts) }))
    .sort((a, b) => a.id - b.id);
}

/** Marks the done rows (one statement per distinct note) and reschedules or gives up the failed ones. */
export async function recordOutcomes(sql: Sql, outcomes: readonly OutboxOutcome[], now: Date): Promise<void> {
  const at = now.toISOString();
  const doneByNote = new Map<string | null, number[]>();
  for (const outcome of outcomes) {
    if (!outcome.done) continue;
    const ids = doneByNote.get(outcome.note);
    if (ids) ids.push(outcome.row.id);
    else doneByNote.set(outcome.note, [outcome.row.id]);
  }
  for (const [note, ids] of doneByNote) {
    await sql.run(
      `update outbox set status = 'done', done_at = ?, claimed_until = null, last_error = ? where id in ${placeholders(ids.length)}`,
      [at, note, ...ids],
    );
  }
  for (const outcome of outcomes) {
    if (outcome.done) continue;
    const attempts = outcome.row.attempts + 1;
    await sql.run('update outbox set status = ?, attempts = ?, last_error = ?, next_attempt_at = ?, claimed_until = null where id = ?', [
      attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      attempts,
      String((outcome.error as Error)?.message ?? outcome.error).slice(0, 2000),
      new Date(now.getTime() + backoffMs(attempts)).toISOString(),
      outcome.row.id,
    ]);
  }
}
