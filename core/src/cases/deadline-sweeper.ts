// Fires due deadlines from the database, not from in-memory timers, so a restart or a second
// server loses nothing and fires nothing twice: each deadline is claimed by a conditional update
// inside the same transaction that carries out its effect, so with several processes on one
// PostgreSQL exactly one claim succeeds and a failed effect releases the claim with the rollback.
import type { Knex } from 'knex';
import { isAppError } from '../errors/index.ts';
import { writeJson } from '../store/index.ts';
import { SYSTEM_USER, type CaseEngine } from './case-engine.ts';

/** Staff notifications per deadline kind; deadlines with an event type send that event instead. */
const STAFF_TEMPLATES: Record<string, string> = {
  'promised-warning': 'deadline-warning',
  'promised-overdue': 'deadline-overdue',
};

export interface SweepResult {
  fired: number;
  events: number;
}

export async function sweepDeadlines(db: Knex, engine: CaseEngine, worker: string, now: Date, limit = 500): Promise<SweepResult> {
  const due: { id: number | string; case_id: string; kind: string; event_type: string | null }[] = await db('deadlines')
    .whereNull('fired_at')
    .andWhere('due_at', '<=', now.toISOString())
    .orderBy('due_at')
    .limit(limit);
  const result: SweepResult = { fired: 0, events: 0 };
  for (const d of due) {
    const fired = await db.transaction(async (trx) => {
      const claimed = await trx('deadlines').where({ id: d.id }).whereNull('fired_at').update({ fired_at: now.toISOString(), fired_by: worker });
      if (claimed !== 1) return false;
      if (d.event_type) {
        // A case that moved on meanwhile no longer takes the event (409): the deadline is spent.
        try {
          await engine.send(SYSTEM_USER, d.case_id, { type: d.event_type }, trx);
          result.events += 1;
        } catch (err) {
          if (!(isAppError(err) && err.status === 409)) throw err;
        }
      } else if (STAFF_TEMPLATES[d.kind]) {
        await trx('outbox').insert({
          case_id: d.case_id,
          effect_id: `${d.case_id}:deadline:${d.kind}:${d.id}`,
          kind: 'notify',
          payload: writeJson({ template: STAFF_TEMPLATES[d.kind], to: 'staff' }),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now.toISOString(),
          created_at: now.toISOString(),
        });
      }
      return true;
    });
    if (fired) result.fired += 1;
  }
  if (result.fired > 0) engine.deps.afterCommit();
  return result;
}
