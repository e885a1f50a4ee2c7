// Case milestones pushed to a provincial platform's webhooks through the outbox. The fold of the
// event log (fold-case-events.ts) writes one outbox row per milestone and hook in the transaction
// that moves its cursor, so each milestone is enqueued exactly once, restart or not; the outbox
// delivers it at least once (leases, retries with backoff), and the receiver drops repeats by the
// row's idempotency key (`webhook:<hook>:<case>:<seq>`). Each request is signed: HMAC-SHA256 over
// `<timestamp>.<body>` with the hook's secret (header `x-bianmin-signature: sha256=<hex>`).
import { createHmac } from 'node:crypto';
import type { OutboxHandler } from '../outbox/index.ts';

export const MILESTONES = ['received', 'accepted', 'concluded', 'refused', 'referred', 'withdrawn'] as const;
export type Milestone = (typeof MILESTONES)[number];

export interface WebhookTarget {
  id: string;
  url: string;
  secret: string;
  /** The milestones it wants; all when absent. */
  milestones?: Milestone[];
}

/** `BIANMIN_WEBHOOKS`: a JSON list of `{ id, url, secret, milestones? }`; a malformed one stops the start. */
export function webhooksFromEnv(env: NodeJS.ProcessEnv): WebhookTarget[] {
  if (!env.BIANMIN_WEBHOOKS) return [];
  const hooks = JSON.parse(env.BIANMIN_WEBHOOKS) as WebhookTarget[];
  for (const h of hooks) {
    if (!h || typeof h.id !== 'string' || !/^https?:\/\//.test(h.url ?? '') || typeof h.secret !== 'string' || h.secret.length < 16) {
      throw new Error('BIANMIN_WEBHOOKS: every hook needs an id, an http(s) url and a secret of at least 16 characters');
    }
    if (h.milestones?.some((m) => !MILESTONES.includes(m))) throw new Error(`BIANMIN_WEBHOOKS: milestones are ${MILESTONES.join(', ')}`);
  }
  return hooks;
}

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Sends one webhook row; a non-2xx answer or no answer in 10 s throws, and the outbox tries again later. */
export function webhookHandler(hooks: readonly WebhookTarget[], now: () => Date): OutboxHandler {
  const byId = new Map(hooks.map((h) => [h.id, h]));
  return async (row) => {
    const hook = byId.get(String(row.payload.hook));
    // A hook removed from the configuration: nothing to send to.
    if (!hook) return;
    const body = JSON.stringify(row.payload.body);
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const res = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': row.effectId,
        'x-bianmin-event': String((row.payload.body as { milestone: string }).milestone),
        'x-bianmin-timestamp': timestamp,
        'x-bianmin-signature': signature(hook.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`webhook ${hook.id} answered ${res.status}`);
  };
}
