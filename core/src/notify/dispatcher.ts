// Sends a notify effect through every channel that can reach the recipient, at most once per
// effect id and channel: the `notifications` row (UNIQUE effect_id, channel) is created once, and
// an attempt is only made by whoever claims the pending row (notification-rows.ts). No connection
// is held while a channel sends: SQLite has only one, and every request would wait on the gateway.
import type { Knex } from 'knex';
import { transact, withSql, type Sql } from '../store/index.ts';
import type { NotificationChannel, Recipient } from './channel.ts';
import {
  claimDue, claimEffect, insertClaimed, readEffect, recordFailure, recordSent, type ClaimedNotification, type NotificationOutcome,
} from './notification-rows.ts';
import { renderNotification, type TemplateVars } from './render.ts';

export type { NotificationOutcome, NotificationStatus } from './notification-rows.ts';

export interface NotificationRequest {
  /** The outbox effect id; dispatching the same id again sends nothing new. */
  effectId: string;
  template: string;
  to: Recipient;
  vars: TemplateVars;
  caseId?: string;
}

/**
 * Records one notification per channel that can reach `to` and sends those still due. Throws
 * (before recording anything) when the template is unknown or lacks a required variable.
 */
export async function dispatchNotification(
  db: Knex,
  channels: readonly NotificationChannel[],
  request: NotificationRequest,
  now: Date = new Date(),
): Promise<NotificationOutcome[]> {
  const { subject, body } = renderNotification(request.template, request.vars);
  const targets = channels.flatMap((channel) => {
    const recipient = channel.address(request.to);
    return recipient === undefined ? [] : [{ channel, recipient }];
  });
  if (targets.length === 0) return [];
  const names = targets.map((t) => t.channel.name);
  const claimed = await transact(db, async (sql) => {
    const created = await insertClaimed(sql, { effectId: request.effectId, caseId: request.caseId ?? null, template: request.template, subject, body, targets }, now);
    // Where the effect had a row already, it is sent again only if an earlier attempt failed and its delay is over.
    const existing = names.filter((name) => !created.some((row) => row.channel === name));
    if (existing.length === 0) return created;
    return [...created, ...(await claimEffect(sql, request.effectId, existing, now))].sort((a, b) => a.id - b.id);
  });
  const outcomes = await sendClaimed(db, channels, claimed, now);
  // Rows an earlier or concurrent dispatch holds are reported as they stand.
  return outcomes.length === targets.length ? outcomes : withSql(db, (sql) => readEffect(sql, request.effectId, names));
}

/** For the sweeper: tries again every pending notification whose time has come. */
export async function retryDueNotifications(
  db: Knex,
  channels: readonly NotificationChannel[],
  now: Date = new Date(),
  limit = 100,
): Promise<NotificationOutcome[]> {
  // A row whose channel is not configured here stays pending for a server that has it.
  if (channels.length === 0) return [];
  const claimed = await withSql(db, (sql) => claimDue(sql, channels.map((c) => c.name), now, limit));
  return sendClaimed(db, channels, claimed, now);
}

/** Sends the claimed rows one by one, each recorded as soon as it is sent, so a crash can repeat only the one in flight. */
async function sendClaimed(
  db: Knex,
  channels: readonly NotificationChannel[],
  claimed: readonly ClaimedNotification[],
  now: Date,
): Promise<NotificationOutcome[]> {
  const byName = new Map(channels.map((c) => [c.name, c]));
  const outcomes: NotificationOutcome[] = [];
  for (const row of claimed) {
    const message = { recipient: row.recipient, subject: row.subject, body: row.body, effectId: row.effectId, caseId: row.caseId, at: now };
    let record: (sql: Sql) => Promise<NotificationOutcome>;
    try {
      await byName.get(row.channel)!.send(message);
      record = (sql) => recordSent(sql, row, now);
    } catch (error) {
      record = (sql) => recordFailure(sql, row, error, now);
    }
    outcomes.push(await transact(db, record));
  }
  return outcomes;
}
