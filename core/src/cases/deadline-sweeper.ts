// Fires due deadlines from the database, not from in-memory timers, so a restart or a second
// server loses nothing and fires nothing twice: each deadline is claimed by a conditional update
// inside the same transaction that carries out its effect, so with several processes on one
// PostgreSQL exactly one claim succeeds and a failed effect releases the claim with the rollback.
import type { Knex } from 'knex';
import { isAppError } from '../errors/index.ts';
import { enqueueEffect } from '../outbox/index.ts';
import { transact, withSql } from '../store/index.ts';
import { SYSTEM_USER, type CaseEngine } from './case-engine.ts';

/** Staff notifications per deadline kind; deadlines with an event type send that event instead. */
const STAFF_TEMPLATES: Record<string, string> = {
  'promised-warning': 'deadline-warning',
  'promised-overdue': 'deadline-overdue',
};

const FIRED_TOGETHER = 32;

/** The due, unfired deadlines, soonest first (parameters: now, limit); see migration 0006 for its index. */
export const DUE_DEADLINES = 'select id, case_id, kind, event_type from deadlines where fired_at is null and due_at <= ? order by due_at limit ?';

export interface SweepResult {
  fired: number;
  events: number;
}

/** `caseId`: only that case's deadlines (the scenario runner, after it moved its clock on). */
export async function sweepDeadlines(db: Knex, engine: CaseEngine, worker: string, now: Date, limit = 500, caseId?: string): Promise<SweepResult> {
  const at = now.toISOString();
  const due = await withSql(db, (sql) =>
    sql.all<{ id: number | string; case_id: string; kind: string; event_type: string | null }>(
      caseId === undefined ? DUE_DEADLINES : 'select id, case_id, kind, event_type from deadlines where case_id = ? and fired_at is null and due_at <= ? order by due_at limit ?',
      caseId === undefined ? [at, limit] : [caseId, at, limit],
    ),
  );
  const result: SweepResult = { fired: 0, events: 0 };
  const fire = async (d: (typeof due)[number]) => {
    const fired = await transact(db, async (sql) => {
      const claimed = await sql.run('update deadlines set fired_at = ?, fired_by = ? where id = ? and fired_at is null', [at, worker, d.id]);
      if (claimed !== 1) return false;
      if (d.event_type) {
        // A case that moved on meanwhile no longer takes the event (409): the deadline is spent.
        try {
          await engine.send(SYSTEM_USER, d.case_id, { type: d.event_type }, sql);
          result.events += 1;
        } catch (err) {
          if (!(isAppError(err) && err.status === 409)) throw err;
        }
      } else if (STAFF_TEMPLATES[d.kind]) {
        const effectId = `${d.case_id}:deadline:${d.kind}:${d.id}`;
        await enqueueEffect(sql, { caseId: d.case_id, effectId, kind: 'notify', payload: { template: STAFF_TEMPLATES[d.kind]!, to: 'staff' }, at }, engine.deps.outbox);
      }
      return true;
    });
    if (fired) result.fired += 1;
  };
  // Deadlines fire side by side, each in its own transaction: on SQLite they share commits.
  for (let i = 0; i < due.length; i += FIRED_TOGETHER) await Promise.all(due.slice(i, i + FIRED_TOGETHER).map(fire));
  return result;
}
