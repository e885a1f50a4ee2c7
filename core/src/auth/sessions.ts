// Bearer tokens are random; only their SHA-256 is stored, so a leaked database holds no usable token.
// Sessions live in the database so any server process of a PostgreSQL deployment accepts them.
import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from '../errors/index.ts';
import { withSql } from '../store/index.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { userFromRow, type User } from './user-store.ts';

const SESSION_HOURS = 12;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function login(db: Knex, username: string, password: string, now = new Date()): Promise<{ token: string; user: User }> {
  const row = await db('users').where({ username }).first();
  // Verify even for an unknown user so timing does not reveal which usernames exist.
  const ok = await verifyPassword(row?.password_hash ?? (await dummyHash()), password);
  if (!row || !ok || !row.active) throw new AppError('BAD_CREDENTIALS');
  const token = randomBytes(32).toString('base64url');
  await db('sessions').insert({
    token_hash: tokenHash(token),
    user_id: row.id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
  });
  return { token, user: userFromRow(row) };
}

/**
 * Checked tokens are remembered for a few seconds per database, so a clerk's burst of requests costs
 * one lookup: a logout on this process takes effect at once, one on another process of a PostgreSQL
 * deployment within CHECK_TTL_MS, and an expired session is never accepted.
 */
const CHECK_TTL_MS = 5_000;
const MAX_CACHED = 10_000;
const checked = new WeakMap<Knex, Map<string, { user: User; until: number; expiresAt: number }>>();

function cacheOf(db: Knex) {
  let cache = checked.get(db);
  if (!cache) checked.set(db, (cache = new Map()));
  return cache;
}

export async function authenticate(db: Knex, token: string, now = new Date()): Promise<User | null> {
  const cache = cacheOf(db);
  const t = now.getTime();
  const hit = cache.get(token);
  if (hit && hit.until > Date.now() && hit.expiresAt > t) return hit.user;
  const row = await withSql(db, (sql) =>
    sql.first('select users.*, sessions.expires_at as session_expires_at from sessions join users on users.id = sessions.user_id where sessions.token_hash = ? and sessions.expires_at > ?', [tokenHash(token), now.toISOString()]),
  );
  if (!row || !row.active) {
    cache.delete(token);
    return null;
  }
  const user = userFromRow(row);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(token, { user, until: Date.now() + CHECK_TTL_MS, expiresAt: Date.parse(row.session_expires_at as string) });
  return user;
}

export async function logout(db: Knex, token: string): Promise<void> {
  cacheOf(db).delete(token);
  await db('sessions').where({ token_hash: tokenHash(token) }).delete();
}

// A hash of a random password, used only to spend the same time on unknown usernames.
let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
