// Sign-in lock-out: `lockoutFailures` wrong passwords for one username within `lockoutWindowMinutes`
// lock it for `lockoutMinutes` (423 with the unlock time), until then or until an administrator
// unlocks it. Counted per username as typed, whether or not the user exists, so an unknown name gets
// the same answers at the same times as a real one and the lock-out reveals no account.
import type { Knex } from 'knex';
import { isPostgres, readJson, writeJson } from '../store/index.ts';
import type { SecuritySettings } from './security-settings.ts';

const MINUTE = 60_000;

/** When `username` is locked until, or null when it may try now. */
export async function lockedUntil(db: Knex, username: string, now: Date): Promise<Date | null> {
  const row = await db('sign_in_failures').where({ username }).first('locked_until');
  const until = row?.locked_until ? new Date(row.locked_until as string) : null;
  return until && until > now ? until : null;
}

/** Counts a failure; resolves to the unlock time when this failure locks the username. */
export async function recordFailure(db: Knex, username: string, settings: SecuritySettings, now: Date): Promise<Date | null> {
  return db.transaction(async (trx) => {
    const q = trx('sign_in_failures').where({ username });
    // SQLite's one writer already serialises this transaction; PostgreSQL locks the row.
    const row = await (isPostgres(db) ? q.forUpdate() : q).first();
    const windowStart = now.getTime() - settings.lockoutWindowMinutes * MINUTE;
    const earlier = row && !(row.locked_until && new Date(row.locked_until as string) <= now) ? readJson<string[]>(row.recent_failures) : [];
    const recent = [...earlier.filter((at) => Date.parse(at) > windowStart), now.toISOString()];
    const lock = recent.length >= settings.lockoutFailures ? new Date(now.getTime() + settings.lockoutMinutes * MINUTE) : null;
    const values = { recent_failures: writeJson(lock ? [] : recent), last_failed_at: now.toISOString(), locked_until: lock?.toISOString() ?? null };
    if (row) await trx('sign_in_failures').where({ username }).update(values);
    else await trx('sign_in_failures').insert({ username, ...values }).onConflict('username').merge(values);
    return lock;
  });
}

/** A successful sign-in or an administrator's unlock forgets the failures. */
export async function clearFailures(db: Knex, username: string): Promise<void> {
  await db('sign_in_failures').where({ username }).delete();
}

/** Failures older than any window and expired locks: nothing to remember. */
export async function purgeFailures(db: Knex, settings: SecuritySettings, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - settings.lockoutWindowMinutes * MINUTE).toISOString();
  return db('sign_in_failures')
    .where('last_failed_at', '<', windowStart)
    .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<', now.toISOString()))
    .delete();
}
