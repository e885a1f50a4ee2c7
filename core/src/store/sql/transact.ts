// Connections for Sql come from knex's pool, so they queue with every other query: on SQLite (one
// connection) a transaction here excludes all other work until it ends, as a knex transaction does.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';
import { betterSqliteSql } from './sqlite-sql.ts';
import { nodeSqlite3Sql } from './node-sqlite3-sql.ts';
import { pgSql } from './pg-sql.ts';
import { runCommitHooks, withCommitHooks, type Sql } from './sql.ts';
import { GroupCommit } from './group-commit.ts';

interface PoolClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
  config: { client: string };
}

// Guarded transactions. Inside a transaction's `fn` the store is reached through its Sql only: on
// SQLite a nested transact() waits for the batch running it, and a query through the pool (knex or
// withSql) waits for the pool's one connection, which the transaction holds — each forever. Both
// are refused at once, on both stores (on PostgreSQL they would run outside the transaction). The
// transaction running in this async context is known by AsyncLocalStorage; it stops counting when
// the transaction ends, so work it started that runs later is free to use the pool.
interface Running {
  client: unknown;
  open: boolean;
}

const running = new AsyncLocalStorage<Running>();

export class TransactionMisuseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransactionMisuseError';
  }
}

function insideTransactionOf(db: Knex): boolean {
  const current = running.getStore();
  return Boolean(current?.open && current.client === db.client);
}

/** Runs `fn` as the transaction of `db` in this async context. */
async function asTransaction<T>(db: Knex, fn: () => Promise<T>): Promise<T> {
  const current: Running = { client: db.client, open: true };
  try {
    return await running.run(current, fn);
  } finally {
    current.open = false;
  }
}

const guardedPools = new WeakSet<object>();

/** Makes the pool of `db` refuse a connection to the transaction running in the caller's context. */
function guardPool(db: Knex): void {
  const client = db.client as PoolClient;
  if (guardedPools.has(client)) return;
  guardedPools.add(client);
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = () =>
    insideTransactionOf(db)
      ? Promise.reject(
          new TransactionMisuseError(
            'a query through the pool (knex or withSql) inside a transaction on the same database: use the transaction’s Sql (on SQLite the pool’s one connection is the transaction’s, so the query would wait forever)',
          ),
        )
      : acquire();
}

function sqlOn(db: Knex, connection: unknown): Sql {
  switch ((db.client as PoolClient).config.client) {
    case 'pg':
      return pgSql(connection as Parameters<typeof pgSql>[0]);
    case 'sqlite3':
      return nodeSqlite3Sql(connection as Parameters<typeof nodeSqlite3Sql>[0]);
    default:
      return betterSqliteSql(connection as Parameters<typeof betterSqliteSql>[0]);
  }
}

/** Runs `fn` with a pooled connection outside any transaction (reads). */
export async function withSql<T>(db: Knex, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const client = db.client as PoolClient;
  const connection = await client.acquireConnection();
  try {
    return await fn(sqlOn(db, connection));
  } finally {
    await client.releaseConnection(connection);
  }
}

/** Runs `fn` on the caller's Sql (inside its transaction) or on a pooled connection of `db`. */
export function useSql<T>(source: Knex | Sql, fn: (sql: Sql) => Promise<T>): Promise<T> {
  // A Knex instance is a function; a Sql is a plain object.
  return typeof source === 'function' ? withSql(source, fn) : fn(source);
}

const groupCommits = new WeakMap<Knex, GroupCommit>();

function groupCommitOf(db: Knex): GroupCommit {
  let group = groupCommits.get(db);
  if (!group) groupCommits.set(db, (group = new GroupCommit((work) => withSql(db, work), (job) => asTransaction(db, job))));
  return group;
}

/** SQLite: starts no new transaction until the returned function is called, for at most `atMostMs` (wal-checkpoints.ts). */
export function holdCommits(db: Knex, atMostMs: number): () => void {
  return groupCommitOf(db).hold(atMostMs);
}

/**
 * Runs `fn` as one transaction: its writes are committed when it resolves and undone when it
 * throws. On SQLite, waiting transactions share a commit (group-commit.ts), each still all or
 * nothing; on PostgreSQL each has its own connection and transaction.
 */
export async function transact<T>(db: Knex, fn: (sql: Sql) => Promise<T>): Promise<T> {
  if (insideTransactionOf(db)) {
    throw new TransactionMisuseError(
      'transact() inside a transaction on the same database: pass the transaction’s Sql on instead (on SQLite the inner transaction would wait for the outer one forever)',
    );
  }
  guardPool(db);
  if ((db.client as PoolClient).config.client !== 'pg') {
    return groupCommitOf(db).run(fn);
  }
  const hooks: (() => void)[] = [];
  const result = await withSql(db, async (sql) => {
    await sql.run('BEGIN');
    try {
      const result = await asTransaction(db, () => fn(withCommitHooks(sql, hooks)));
      await sql.run('COMMIT');
      return result;
    } catch (err) {
      await sql.run('ROLLBACK').catch(() => {});
      throw err;
    }
  });
  runCommitHooks(hooks);
  return result;
}
