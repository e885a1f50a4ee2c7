// Fresh, isolated databases for tests: an in-memory SQLite, or a PostgreSQL schema of its own so
// parallel test runs on one server never collide. Dropped by `destroy()`.
import { randomBytes } from 'node:crypto';
import knex, { type Knex } from 'knex';
import { migrate, openDatabase } from '../src/store/index.ts';

export type TestDatabaseKind = 'sqlite' | 'postgres';

export const TEST_POSTGRES_URL = process.env.BIANMIN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  db: Knex;
  kind: TestDatabaseKind;
  /** For a second process on the same database (PostgreSQL only). */
  url?: string;
  schema?: string;
  destroy(): Promise<void>;
}

export async function createTestDatabase(kind: TestDatabaseKind, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const db = openDatabase({ dataDir: ':memory:' });
    if (options.migrate !== false) await migrate(db);
    return { db, kind, destroy: () => db.destroy() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: TEST_POSTGRES_URL, pool: { min: 0, max: 1 } });
  await admin.raw(`create schema ${schema}`);
  await admin.destroy();
  const db = openDatabase({ url: TEST_POSTGRES_URL, schema });
  if (options.migrate !== false) await migrate(db);
  return {
    db,
    kind,
    url: TEST_POSTGRES_URL,
    schema,
    async destroy() {
      await db.destroy();
      const cleanup = knex({ client: 'pg', connection: TEST_POSTGRES_URL, pool: { min: 0, max: 1 } });
      await cleanup.raw(`drop schema if exists ${schema} cascade`);
      await cleanup.destroy();
    },
  };
}
