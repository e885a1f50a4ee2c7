// Deadlines of supervision records live in `supervision_deadlines` and are fired by a sweeper of the
// same kind as the cases' (cases/deadline-sweeper.ts): it claims each due row with a conditional
// update inside the transaction that carries out its effect, so several servers fire it once and a
// failed effect gives the claim back with the rollback. Fired rows stay as the record's history.
import type { Knex } from 'knex';
import { transact, withSql, type Sql } from '../store/index.ts';

export type DeadlineSubject = 'rectification' | 'refusal-report' | 'unresolved-request';

export interface DeadlineRow {
  kind: string;
  dueAt: string;
}

/** Sets a record's unfired deadlines to `rows` (kinds not listed are removed; fired ones stay). */
export async function setDeadlines(sql: Sql, subject: DeadlineSubject, id: string, rows: readonly DeadlineRow[], now: Date): Promise<void> {
  await sql.run('delete from supervision_deadlines where subject_kind = ? and subject_id = ? and fired_at is null', [subject, id]);
  if (rows.length === 0) return;
  const fired = new Set(
    (await sql.all<{ kind: string }>('select kind from supervision_deadlines where subject_kind = ? and subject_id = ?', [subject, id])).map((r) => r.kind),
  );
  const added = rows.filter((r) => !fired.has(r.kind));
  if (added.length === 0) return;
  await sql.run(
    `insert into supervision_deadlines (subject_kind, subject_id, kind, due_at, created_at) values ${added.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
    added.flatMap((r) => [subject, id, r.kind, r.dueAt, now.toISOString()]),
  );
}

/** What firing a deadline does, inside the claiming transaction. */
export type DeadlineHandler = (sql: Sql, subjectId: string, kind: string, now: Date) => Promise<void>;

const DUE = 'select id, subject_kind, subject_id, kind from supervision_deadlines where fired_at is null and due_at <= ? order by due_at limit ?';

export async function sweepSupervisionDeadlines(
  db: Knex,
  handlers: Partial<Record<DeadlineSubject, DeadlineHandler>>,
  worker: string,
  now: Date,
  limit = 200,
): Promise<{ fired: number }> {
  const at = now.toISOString();
  const due = await withSql(db, (sql) => sql.all<{ id: number | string; subject_kind: DeadlineSubject; subject_id: string; kind: string }>(DUE, [at, limit]));
  let fired = 0;
  for (const d of due) {
    const done = await transact(db, async (sql) => {
      const claimed = await sql.run('update supervision_deadlines set fired_at = ?, fired_by = ? where id = ? and fired_at is null', [at, worker, d.id]);
      if (claimed !== 1) return false;
      await handlers[d.subject_kind]?.(sql, d.subject_id, d.kind, now);
      return true;
    });
    if (done) fired += 1;
  }
  return { fired };
}
