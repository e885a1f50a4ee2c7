// Sends a notify effect through every channel that can reach the recipient, at most once per
// effect id and channel: the `notifications` row (UNIQUE effect_id, channel) is created once,
// and an attempt is only made by whoever claims the pending row with a conditional update.
import type { Knex } from 'knex';
import type { NotificationChannel, Recipient } from './channel.ts';
import { renderNotification, type TemplateVars } from './render.ts';
import { MAX_ATTEMPTS, SEND_LEASE_MS, retryDelayMs } from './retry-policy.ts';

export interface NotificationRequest {
  /** The outbox effect id; dispatching the same id again sends nothing new. */
  effectId: string;
  template: string;
  to: Recipient;
  vars: TemplateVars;
  caseId?: string;
}

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

interface Row {
  id: number;
  effect_id: string;
  channel: string;
  case_id: string | null;
  recipient: string;
  subject: string;
  body: string;
  status: NotificationStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
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
  const at = now.toISOString();
  const targets = channels.flatMap((channel) => {
    const recipient = channel.address(request.to);
    return recipient === undefined ? [] : [{ channel, recipient }];
  });
  if (targets.length === 0) return [];
  await db('notifications')
    .insert(
      targets.map(({ channel, recipient }) => ({
        effect_id: request.effectId,
        channel: channel.name,
        case_id: request.caseId ?? null,
        recipient,
        template: request.template,
        subject,
        body,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        created_at: at,
      })),
    )
    .onConflict(['effect_id', 'channel'])
    .ignore();
  const rows = await db<Row>('notifications')
    .where('effect_id', request.effectId)
    .whereIn('channel', targets.map((t) => t.channel.name));
  const byName = new Map(channels.map((c) => [c.name, c]));
  for (const row of rows) await attempt(db, byName.get(row.channel)!, row, now);
  return reload(db, rows.map((r) => r.id));
}

/** For the sweeper: tries again every pending notification whose time has come. */
export async function retryDueNotifications(
  db: Knex,
  channels: readonly NotificationChannel[],
  now: Date = new Date(),
  limit = 100,
): Promise<NotificationOutcome[]> {
  const byName = new Map(channels.map((c) => [c.name, c]));
  // A row whose channel is not configured here stays pending for a server that has it.
  const rows = await db<Row>('notifications')
    .where('status', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .whereIn('channel', [...byName.keys()])
    .orderBy('next_attempt_at')
    .limit(limit);
  for (const row of rows) await attempt(db, byName.get(row.channel)!, row, now);
  return reload(db, rows.map((r) => r.id));
}

async function attempt(db: Knex, channel: NotificationChannel, row: Row, now: Date): Promise<void> {
  const at = now.toISOString();
  if (row.status !== 'pending' || row.next_attempt_at > at) return;
  const attempts = row.attempts + 1;
  // The claim: only one caller moves the row from this attempt count to the next.
  const claimed = await db('notifications')
    .where({ id: row.id, status: 'pending', attempts: row.attempts })
    .where('next_attempt_at', '<=', at)
    .update({ attempts, next_attempt_at: new Date(now.getTime() + SEND_LEASE_MS).toISOString() });
  if (claimed !== 1) return;
  try {
    await channel.send({
      recipient: row.recipient, subject: row.subject, body: row.body, effectId: row.effect_id, caseId: row.case_id, at: now,
    });
  } catch (error) {
    const gaveUp = attempts >= MAX_ATTEMPTS;
    await db('notifications')
      .where({ id: row.id })
      .update({
        status: gaveUp ? 'failed' : 'pending',
        next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
        last_error: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
      });
    return;
  }
  await db('notifications').where({ id: row.id }).update({ status: 'sent', sent_at: at, last_error: null });
}

async function reload(db: Knex, ids: number[]): Promise<NotificationOutcome[]> {
  const rows = await db<Row>('notifications').whereIn('id', ids).orderBy('id');
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    recipient: r.recipient,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
  }));
}
