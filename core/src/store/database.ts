// Opens the store: an embedded SQLite file by default, PostgreSQL when DATABASE_URL is set.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import knex, { type Knex } from 'knex';

export type SqliteDriver = 'better-sqlite3' | 'sqlite3';

export interface DatabaseOptions {
  /** postgres://… switches to PostgreSQL. */
  url?: string;
  /** Folder of the SQLite file (BIANMIN_DATA); ':memory:' for an in-memory database. */
  dataDir?: string;
  sqliteDriver?: SqliteDriver;
  /** PostgreSQL schema to work in (tests use one per run so runs never collide). */
  schema?: string;
  poolMax?: number;
}

export function isPostgres(db: Knex): boolean {
  return db.client.config.client === 'pg';
}

export function openDatabase(options: DatabaseOptions = {}): Knex {
  if (options.url?.startsWith('postgres')) {
    return knex({
      client: 'pg',
      connection: options.url,
      searchPath: options.schema ? [options.schema] : undefined,
      pool: { min: 0, max: options.poolMax ?? 10 },
    });
  }
  const driver = options.sqliteDriver ?? 'better-sqlite3';
  const filename = options.dataDir === ':memory:' ? ':memory:' : sqliteFile(options.dataDir ?? './data');
  return knex({
    client: driver,
    connection: { filename },
    useNullAsDefault: true,
    // One connection: SQLite has one writer anyway, and a single connection makes transactions queue
    // in the pool instead of failing with SQLITE_BUSY.
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: unknown, done: (err: Error | null, conn: unknown) => void) => {
        applyPragmas(driver, conn).then(() => done(null, conn), (err: Error) => done(err, conn));
      },
    },
  });
}

/**
 * The data folder holds personal data and the instance secret: created 0700 (an existing one is
 * closed to others), the database file 0600 before SQLite opens it (its -wal and -shm files take the
 * database file's mode).
 */
function sqliteFile(dataDir: string): string {
  const dir = resolve(dataDir);
  const file = join(dir, 'bianmin.sqlite');
  // A folder of an older install is closed too; a folder that is not ours yet (a shared parent) is left alone.
  const ours = existsSync(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (ours && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return file;
}

// The server checkpoints the WAL from a worker thread (wal-checkpoints.ts); the connection's own
// automatic checkpoint is only a backstop, at 50,000 pages instead of 1,000. A 64 MiB page cache
// keeps the open cases' pages in memory. Temporary storage in memory: each transaction of a group
// commit runs in a SAVEPOINT, whose sub-journal (the pages' images before the job changed them) is
// otherwise a temporary file, one write() per page changed — ~30 % of an event's time (bench/RESULTS.md).
const PRAGMAS = ['journal_mode = WAL', 'synchronous = NORMAL', 'busy_timeout = 5000', 'foreign_keys = ON', 'wal_autocheckpoint = 50000', 'cache_size = -65536', 'temp_store = MEMORY'];

async function applyPragmas(driver: SqliteDriver, conn: unknown): Promise<void> {
  if (driver === 'better-sqlite3') {
    const c = conn as { pragma(source: string): unknown };
    for (const p of PRAGMAS) c.pragma(p);
    return;
  }
  const c = conn as { run(sql: string, cb: (err: Error | null) => void): void };
  for (const p of PRAGMAS) await new Promise<void>((ok, fail) => c.run(`PRAGMA ${p}`, (err) => (err ? fail(err) : ok())));
}

/** The settings the server reads from its environment (see API.md). */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  return {
    url: env.DATABASE_URL || undefined,
    dataDir: env.BIANMIN_DATA || './data',
    sqliteDriver: env.BIANMIN_SQLITE_DRIVER === 'sqlite3' ? 'sqlite3' : 'better-sqlite3',
    schema: env.BIANMIN_PG_SCHEMA || undefined,
  };
}
