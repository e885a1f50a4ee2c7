// Runs the effects a committed step left in the outbox: rendering and sealing documents, sending
// notifications. Rows are claimed in batches with a lease so two server processes never run the
// same one; handlers are idempotent (a document already rendered is skipped, a notification is sent
// at most once per effect id), so a crash between the work and the `done` mark repeats nothing visible.
import { hostname } from 'node:os';
import type { Knex } from 'knex';
import { transact, withSql } from '../store/index.ts';
import { claimDueRows, recordOutcomes, type OutboxLease, type OutboxOutcome, type OutboxRow } from './outbox-rows.ts';

export type { OutboxRow } from './outbox-rows.ts';

/** Does one effect; throws to have it tried again later. Must not hold a connection while it waits on anything slow. */
export type OutboxHandler = (row: OutboxRow) => Promise<void>;

const LEASE_MS = 60_000;
/** Rows claimed at once. They run side by side, so this also bounds the messages in flight. */
export const OUTBOX_BATCH = 20;

export class OutboxWorker implements OutboxLease {
  readonly holder = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  readonly leaseMs = LEASE_MS;
  /** Rows this process wrote, leased to this worker, handed over as their transactions committed. */
  readonly #taken: OutboxRow[] = [];
  #claimWanted = false;
  #running: Promise<void> | null = null;

  constructor(
    private readonly db: Knex,
    private readonly handlers: Record<string, OutboxHandler>,
    private readonly now: () => Date,
    private readonly log: (message: string, err?: unknown) => void = () => {},
  ) {}

  /** Runs a committed row written leased to this worker; it needs no claim. */
  take(row: OutboxRow): void {
    this.#taken.push(row);
    this.#start();
  }

  /** Claims what is due in the store: rows of other processes, expired leases, retries. */
  kick(): void {
    this.#claimWanted = true;
    this.#start();
  }

  /** Resolves when nothing due is left (tests, shutdown). */
  async drain(): Promise<void> {
    this.kick();
    while (this.#running) await this.#running;
  }

  #start(): void {
    if (this.#running) return;
    // Start after this turn: the rows of the commits that end in the same turn run as one batch.
    this.#running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.#loop())
      .finally(() => {
        this.#running = null;
      });
  }

  async #loop(): Promise<void> {
    while (this.#taken.length > 0 || this.#claimWanted) {
      try {
        if (this.#taken.length > 0) {
          await this.#runRows(this.#taken.splice(0, OUTBOX_BATCH));
          continue;
        }
        this.#claimWanted = false;
        // Only a full batch can have left due rows behind; after a short one there is nothing to poll for.
        while ((await this.runDue()) === OUTBOX_BATCH);
      } catch (err) {
        // The store failed; the rows stay leased and are claimed again when the lease runs out.
        this.log('outbox drain failed', err);
      }
    }
  }

  /** Claims up to `limit` due rows, runs them and records how each ended; returns how many it claimed. */
  async runDue(limit = OUTBOX_BATCH): Promise<number> {
    const now = this.now();
    const rows = await withSql(this.db, (sql) => claimDueRows(sql, this.holder, now, new Date(now.getTime() + LEASE_MS), limit));
    if (rows.length > 0) await this.#runRows(rows);
    return rows.length;
  }

  async #runRows(rows: readonly OutboxRow[]): Promise<void> {
    const outcomes = await Promise.all(casesOf(rows).map((ofCase) => this.#runInOrder(ofCase)));
    await transact(this.db, (sql) => recordOutcomes(sql, outcomes.flat(), this.now()));
  }

  // Cases run side by side (on SQLite their handlers' writes then share commits); one case's
  // effects run one after another, so an applicant hears of acceptance before approval.
  async #runInOrder(rows: readonly OutboxRow[]): Promise<OutboxOutcome[]> {
    const outcomes: OutboxOutcome[] = [];
    for (const row of rows) outcomes.push(await this.#run(row));
    return outcomes;
  }

  async #run(row: OutboxRow): Promise<OutboxOutcome> {
    const handler = this.handlers[row.kind];
    if (!handler) return { row, done: true, note: `no handler for ${row.kind}` };
    try {
      await handler(row);
      return { row, done: true, note: null };
    } catch (error) {
      this.log(`outbox ${row.kind} ${row.effectId} failed (attempt ${row.attempts + 1})`, error);
      return { row, done: false, error };
    }
  }
}

/** The rows grouped by case, each group in id order. */
function casesOf(rows: readonly OutboxRow[]): OutboxRow[][] {
  const byCase = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const group = byCase.get(row.caseId);
    if (group) group.push(row);
    else byCase.set(row.caseId, [row]);
  }
  return [...byCase.values()];
}
