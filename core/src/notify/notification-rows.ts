// The dispatcher's statements on `notifications`. A row is sent only by whoever claims it: the
// claim counts the attempt and moves the row's lease (next_attempt_at) forward in one conditional
// statement, so of two dispatchers racing for the same row exactly one gets it back.
import { placeholders, type Sql } from '../store/index.ts';
import type { NotificationChannel } from './channel.ts';
import { MAX_ATTEMPTS, SEND_LEASE_MS, retryDelayMs } from './retry-policy.ts';

export type NotificationStatus = 'pending' | 'sent' | 'failed';

export interface NotificationOutcome {
  id: number;
  channel: string;
  recipient: string;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

/** A row this caller claimed: it alone sends it, and records how that went. */
export interface ClaimedNotification {
  id: number;
  effectId: string;
  channel: string;
  caseId: string | null;
  recipient: string;
  subject: string;
  body: string;
  /** Including the one being made. */
  attempts: number;
  leaseUntil: string;
}

export interface NewNotification {
  effectId: string;
  caseId: string | null;
  template: string;
  subject: string;
  body: string;
  targets: readonly { channel: NotificationChannel; recipient: string }[];
}

const CLAIMED_COLUMNS = 'id, effect_id, channel, case_id, recipient, subject, body, attempts';
const DUE = "status = 'pending' and next_attempt_at <= ?";

interface ClaimedRow {
  id: number;
  effect_id: string;
  channel: string;
  case_id: string | null;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

function claimedFrom(rows: readonly ClaimedRow[], leaseUntil: string): ClaimedNotification[] {
  return rows
    .map((r) => ({
      id: Number(r.id), effectId: r.effect_id, channel: r.channel, caseId: r.case_id, recipient: r.recipient, subject: r.subject, body: r.body,
      attempts: Number(r.attempts), leaseUntil,
    }))
    .sort((a, b) => a.id - b.id);
}

const leaseFrom = (now: Date) => new Date(now.getTime() + SEND_LEASE_MS).toISOString();

// Created already claimed (first attempt counted, lease running): a new effect's rows are
// recorded and claimed with one statement.
const NEW_ROW = "(?, ?, ?, ?, ?, ?, ?, 'pending', 1, ?, ?)";

/** Records a row per target whose channel the effect has none on yet; returns those rows, claimed. */
export async function insertClaimed(sql: Sql, n: NewNotification, now: Date): Promise<ClaimedNotification[]> {
  const leaseUntil = leaseFrom(now);
  const rows = await sql.all<ClaimedRow>(
    `insert into notifications (effect_id, channel, case_id, recipient, template, subject, body, status, attempts, next_attempt_at, created_at)
     values ${n.targets.map(() => NEW_ROW).join(', ')} on conflict (effect_id, channel) do nothing returning ${CLAIMED_COLUMNS}`,
    n.targets.flatMap(({ channel, recipient }) => [n.effectId, channel.name, n.caseId, recipient, n.template, n.subject, n.body, leaseUntil, now.toISOString()]),
  );
  return claimedFrom(rows, leaseUntil);
}

/** Counts an attempt on the rows `where` picks and leases them to this caller. */
async function claim(sql: Sql, where: string, params: readonly (string | number)[], now: Date): Promise<ClaimedNotification[]> {
  const leaseUntil = leaseFrom(now);
  const rows = await sql.all<ClaimedRow>(
    `update notifications set attempts = attempts + 1, next_attempt_at = ? where ${where} returning ${CLAIMED_COLUMNS}`,
    [leaseUntil, ...params],
  );
  return claimedFrom(rows, leaseUntil);
}

/** Claims the effect's rows on these channels that are due again. */
export function claimEffect(sql: Sql, effectId: string, channels: readonly string[], now: Date): Promise<ClaimedNotification[]> {
  return claim(sql, `effect_id = ? and channel in ${placeholders(channels.length)} and ${DUE}`, [effectId, ...channels, now.toISOString()], now);
}

/** Claims up to `limit` due rows on these channels, longest waiting first. */
export function claimDue(sql: Sql, channels: readonly string[], now: Date, limit: number): Promise<ClaimedNotification[]> {
  const at = now.toISOString();
  const pick = `id in (select id from notifications where ${DUE} and channel in ${placeholders(channels.length)} order by next_attempt_at, id limit ?)`;
  // On PostgreSQL a concurrent claimer re-checks the rows its subquery picked once it holds their
  // locks, and skips those taken meanwhile. SQLite runs the statement under its one write lock;
  // there the repeated condition would only make its planner scan every pending row.
  return sql.dialect === 'pg'
    ? claim(sql, `${pick} and ${DUE}`, [at, ...channels, limit, at], now)
    : claim(sql, pick, [at, ...channels, limit], now);
}

/** Marks a claimed row sent; returns it as it now stands. */
export async function recordSent(sql: Sql, row: ClaimedNotification, now: Date): Promise<NotificationOutcome> {
  await sql.run("update notifications set status = 'sent', sent_at = ?, last_error = null where id = ?", [now.toISOString(), row.id]);
  return { id: row.id, channel: row.channel, recipient: row.recipient, status: 'sent', attempts: row.attempts, nextAttemptAt: row.leaseUntil, lastError: null };
}

/** Schedules the next try of a claimed row whose send failed, or gives it up; returns it as it now stands. */
export async function recordFailure(sql: Sql, row: ClaimedNotification, error: unknown, now: Date): Promise<NotificationOutcome> {
  const status = row.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(row.attempts)).toISOString();
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  await sql.run('update notifications set status = ?, next_attempt_at = ?, last_error = ? where id = ?', [status, nextAttemptAt, lastError, row.id]);
  return { id: row.id, channel: row.channel, recipient: row.recipient, status, attempts: row.attempts, nextAttemptAt, lastError };
}

/** The effect's rows on these channels as they stand, by id. */
export async function readEffect(sql: Sql, effectId: string, channels: readonly string[]): Promise<NotificationOutcome[]> {
  const rows = await sql.all<{ id: number; channel: string; recipient: string; status: NotificationStatus; attempts: number; next_attempt_at: string; last_error: string | null }>(
    `select id, channel, recipient, status, attempts, next_attempt_at, last_error from notifications
     where effect_id = ? and channel in ${placeholders(channels.length)} order by id`,
    [effectId, ...channels],
  );
  return rows.map((r) => ({
    id: Number(r.id), channel: r.channel, recipient: r.recipient, status: r.status, attempts: Number(r.attempts), nextAttemptAt: r.next_attempt_at, lastError: r.last_error,
  }));
}
