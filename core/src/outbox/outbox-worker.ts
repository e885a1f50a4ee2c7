// Runs the effects a committed step left in the outbox: rendering and sealing documents, sending
// notifications. Each row is claimed with a lease so two server processes never run it at once;
// handlers are idempotent (a document already rendered is skipped, a notification is sent at most
// once per effect id), so a crash between the work and the `done` mark repeats nothing visible.
import { hostname } from 'node:os';
import type { Knex } from 'knex';
import { readJson } from '../store/index.ts';

export interface OutboxRow {
  id: number;
  caseId: string;
  effectId: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export type OutboxHandler = (row: OutboxRow) => Promise<void>;

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 8;

export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** attempts, 3_600_000);
}

export class OutboxWorker {
  readonly #worker = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  #running: Promise<void> | null = null;
  #again = false;

  constructor(
    private readonly db: Knex,
    private readonly handlers: Record<string, OutboxHandler>,
    private readonly now: () => Date,
    private readonly log: (message: string, err?: unknown) => void = () => {},
  ) {}

  /** Starts a drain unless one runs; a kick during a drain makes it go round once more. */
  kick(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
  }

  /** Resolves when nothing due is left (tests, shutdown). */
  async drain(): Promise<void> {
    this.kick();
    while (this.#running) await this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      while ((await this.runDue()) > 0);
    } while (this.#again);
  }

  /** Claims and runs the due rows once; returns how many ran. */
  async runDue(limit = 20): Promise<number> {
    const now = this.now();
    const candidates = await this.db('outbox')
      .where('status', 'pending')
      .andWhere('next_attempt_at', '<=', now.toISOString())
      .andWhere((w) => w.whereNull('claimed_until').orWhere('claimed_until', '<', now.toISOString()))
      .orderBy('id')
      .limit(limit);
    let ran = 0;
    for (const c of candidates) {
      const claimed = await this.db('outbox')
        .where({ id: c.id, status: 'pending' })
        .andWhere((w) => w.whereNull('claimed_until').orWhere('claimed_until', '<', now.toISOString()))
        .update({ claimed_by: this.#worker, claimed_until: new Date(now.getTime() + LEASE_MS).toISOString() });
      if (claimed !== 1) continue;
      ran += 1;
      const row: OutboxRow = { id: Number(c.id), caseId: c.case_id, effectId: c.effect_id, kind: c.kind, payload: readJson(c.payload), attempts: Number(c.attempts) };
      const handler = this.handlers[row.kind];
      try {
        if (handler) await handler(row);
        await this.db('outbox').where({ id: row.id }).update({ status: 'done', done_at: this.now().toISOString(), claimed_until: null, last_error: handler ? null : `no handler for ${row.kind}` });
      } catch (err) {
        const attempts = row.attempts + 1;
        this.log(`outbox ${row.kind} ${row.effectId} failed (attempt ${attempts})`, err);
        await this.db('outbox')
          .where({ id: row.id })
          .update({
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            attempts,
            last_error: String((err as Error)?.message ?? err).slice(0, 2000),
            next_attempt_at: new Date(this.now().getTime() + backoffMs(attempts)).toISOString(),
            claimed_until: null,
          });
      }
    }
    return ran;
  }
}
