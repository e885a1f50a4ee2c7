import type { Knex } from 'knex';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

class ListedMigrations implements Knex.MigrationSource<Migration> {
  async getMigrations(): Promise<Migration[]> {
    return MIGRATIONS.map(([, m]) => m);
  }
  getMigrationName(migration: Migration): string {
    return MIGRATIONS.find(([, m]) => m === migration)![0];
  }
  async getMigration(migration: Migration): Promise<Migration> {
    return migration;
  }
}

/** Brings the schema up to date; a second run applies nothing. Returns the names applied. */
export async function migrate(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest({ migrationSource: new ListedMigrations() })) as [number, string[]];
  return applied;
}
