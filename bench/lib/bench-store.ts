// The store an in-process bench runs on: a temporary SQLite folder (either driver) or a fresh
// PostgreSQL schema, and its removal afterwards (the schema dropped, the folder deleted).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import pg from 'pg';
import { openDatabase } from '../../core/src/store/index.ts';

export type BenchStoreKind = 'better-sqlite3' | 'sqlite3' | 'pg';

/** A bench's --db / --driver value: `pg`, `sqlite3`, or anything else for better-sqlite3. */
export function benchStoreKind(arg: string | undefined): BenchStoreKind {
  return arg === 'pg' ? 'pg' : arg === 'sqlite3' ? 'sqlite3' : 'better-sqlite3';
}

export interface BenchStore {
  db: Knex;
  kind: BenchStoreKind;
  /** Size of the SQLite file, or null on PostgreSQL. */
  sqliteMiB(): number | null;
  /** Destroys the pool and removes what the bench wrote. */
  remove(): Promise<void>;
}

export async function openBenchStore(label: string, kind: BenchStoreKind, pgUrl: string): Promise<BenchStore> {
  const work = mkdtempSync(join(tmpdir(), `bianmin-bench-${label}-`));
  const schema = kind === 'pg' ? `bench_${label}_${process.pid}_${Date.now().toString(36)}` : null;
  const admin = async (statement: string) => {
    const c = new pg.Client(pgUrl);
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  if (schema) await admin(`create schema ${schema}`);
  const db = schema ? openDatabase({ url: pgUrl, schema }) : openDatabase({ dataDir: work, sqliteDriver: kind as 'better-sqlite3' | 'sqlite3' });
  return {
    db,
    kind,
    sqliteMiB: () => (schema ? null : statSync(join(work, 'bianmin.sqlite')).size / 1024 / 1024),
    async remove() {
      await db.destroy();
      if (schema) await admin(`drop schema ${schema} cascade`);
      rmSync(work, { recursive: true, force: true });
    },
  };
}
