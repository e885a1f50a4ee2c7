// Connections for Sql come from knex's pool, so they queue with every other query: on SQLite (one
// connection) a transaction here excludes all other work until it ends, as a knex transaction does.
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
  if (!group) groupCommits.set(db, (group = new GroupCommit((work) => withSql(db, work))));
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
  if ((db.client as PoolClient).config.client !== 'pg') {
    return groupCommitOf(db).run(fn);
  }
  const hooks: (() => void)[] = [];
  const result = await withSql(db, async (sql) => {
    await sql.run('BEGIN');
    try {
      const result = await fn(withCommitHooks(sql, hooks));
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
