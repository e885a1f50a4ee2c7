// The hot path's own access to the store: hand-written SQL with `?` placeholders run on a
// connection taken from knex's pool, with prepared statements kept per SQL text. knex's builder
// and transaction machinery cost ~80–120 µs per statement on better-sqlite3 (bench/RESULTS.md);
// the case engine, the sweeper and the outbox run a dozen statements per request.
export type SqlValue = string | number | boolean | null | bigint | Buffer;

export type SqlRow = Record<string, unknown>;

export interface Sql {
  readonly dialect: 'sqlite' | 'pg';
  /** All rows of a query. */
  all<T = SqlRow>(text: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row of a query, if any. */
  first<T = SqlRow>(text: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(text: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Present on a transaction's Sql (`transact`): `fn` runs once the transaction has committed, and
   * never if it rolls back. How work that must follow a commit learns of it without polling.
   */
  onCommit?(fn: () => void): void;
}

/** `sql` with commit hooks collected in `hooks`, for a transaction to run after its COMMIT. */
export function withCommitHooks(sql: Sql, hooks: (() => void)[]): Sql {
  return { ...sql, onCommit: (fn) => hooks.push(fn) };
}

/** Runs the hooks of a committed transaction; one failing must not keep the others or the caller from their result. */
export function runCommitHooks(hooks: readonly (() => void)[]): void {
  for (const hook of hooks) {
    try {
      hook();
    } catch (err) {
      console.error('commit hook failed', err);
    }
  }
}

/** `?` → `$1, $2 …` for PostgreSQL. The hand-written statements hold no `?` inside literals. */
export function numberedPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** `(?, ?, ?)` for an IN list of `count` values. */
export function placeholders(count: number): string {
  return `(${new Array(count).fill('?').join(', ')})`;
}
