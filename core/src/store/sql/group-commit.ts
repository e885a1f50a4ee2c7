// Group commit for SQLite. A commit there writes the transaction's pages to the WAL with one
// write() each (~150–450 µs on this machine's disk, more than the statements themselves), and the
// one writer runs transactions one after another anyway. So the transactions waiting for the
// connection run one after another inside one database transaction, each inside its own
// SAVEPOINT: a failing one is rolled back to its savepoint alone and rejected at once; the others
// resolve only after the shared COMMIT, so no caller hears of a write before it is durable. Pages
// several transactions touch (index tails, counters, the WAL header) are written once per batch.
import { runCommitHooks, withCommitHooks, type Sql } from './sql.ts';

interface Job {
  fn: (sql: Sql) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/** Runs jobs in shared transactions on connections `acquire` lends; one batch at a time. */
export class GroupCommit {
  readonly #queue: Job[] = [];
  #draining = false;
  /** While set, no batch starts (the WAL checkpoint thread is finishing a backfill; wal-checkpoints.ts). */
  #held: { release: () => void; done: Promise<void> } | null = null;

  constructor(
    private readonly acquire: <T>(fn: (sql: Sql) => Promise<T>) => Promise<T>,
    /** Runs a job's function as its transaction (transact.ts guards what it may reach). */
    private readonly asJob: <T>(job: () => Promise<T>) => Promise<T> = (job) => job(),
    /** At most this many transactions share a commit, so one batch cannot hold up the loop for long. */
    private readonly maxBatch = 32,
  ) {}

  run<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (this.#draining) return;
      this.#draining = true;
      // Start after this turn's I/O: the requests read in the same turn join the same batch.
      setImmediate(() => void this.#drain());
    });
  }

  /** Starts no batch until the returned function is called or `atMostMs` pass, whichever is first. */
  hold(atMostMs: number): () => void {
    if (!this.#held) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const timer = setTimeout(release, atMostMs);
      const done = released.then(() => {
        clearTimeout(timer);
        this.#held = null;
      });
      this.#held = { release, done };
    }
    return this.#held.release;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        if (this.#held) await this.#held.done;
        await this.acquire((sql) => this.#batch(sql));
      }
    } catch (err) {
      // #batch settles every job it took; only getting a connection can fail here.
      for (const job of this.#queue.splice(0)) job.reject(err);
    } finally {
      this.#draining = false;
    }
  }

  async #batch(sql: Sql): Promise<void> {
    const committed: { job: Job; value: unknown; hooks: (() => void)[] }[] = [];
    let current: Job | undefined;
    try {
      await sql.run('BEGIN IMMEDIATE');
      while (this.#queue.length > 0 && committed.length < this.maxBatch) {
        current = this.#queue.shift()!;
        // Each job its own commit hooks: a job rolled back to its savepoint drops its own.
        const hooks: (() => void)[] = [];
        await sql.run('SAVEPOINT job');
        try {
          const job = current;
          const value = await this.asJob(() => job.fn(withCommitHooks(sql, hooks)));
          await sql.run('RELEASE job');
          committed.push({ job: current, value, hooks });
        } catch (err) {
          // Undo this job alone; if even that fails the whole batch is lost (caught below).
          await sql.run('ROLLBACK TO job');
          await sql.run('RELEASE job');
          current.reject(err);
        }
        current = undefined;
      }
      await sql.run('COMMIT');
    } catch (err) {
      await sql.run('ROLLBACK').catch(() => {});
      current?.reject(err);
      for (const { job } of committed) job.reject(err);
      return;
    }
    for (const { job, value, hooks } of committed) {
      runCommitHooks(hooks);
      job.resolve(value);
    }
  }
}
