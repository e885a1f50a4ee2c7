// Bearer tokens are random; only their SHA-256 is stored, so a leaked database holds no usable token.
// Sessions live in the database so any server process of a PostgreSQL deployment accepts them. A
// session ends at logout, after `sessionIdleMinutes` without a request, `sessionAbsoluteHours` after
// sign-in, and when its user's password changes or the user is deactivated.
import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from '../errors/index.ts';
import { withSql } from '../store/index.ts';
import { clearFailures, lockedUntil, recordFailure } from './lockout.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from './security-settings.ts';
import { userFromRow, type User } from './user-store.ts';

const MINUTE = 60_000;
/** A session's last request is written at most this often (one write per clerk and minute, not per request). */
const LAST_SEEN_WRITE_MS = MINUTE;

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SignIn {
  token: string;
  user: User;
}

/** 423 with the time the username may try again. */
export function accountLocked(until: Date): AppError {
  const at = until.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账户已锁定，请于 ${at} 后再试或联系管理员解锁`, undefined, { unlockAt: until.toISOString() });
}

export async function login(db: Knex, username: string, password: string, now = new Date(), settings: SecuritySettings = DEFAULT_SECURITY_SETTINGS): Promise<SignIn> {
  // A locked name is refused before argon2 runs, known or not: the same answer at the same cost.
  const locked = await lockedUntil(db, username, now);
  if (locked) throw accountLocked(locked);
  const row = await db('users').where({ username }).first();
  // Verify even for an unknown user so timing does not reveal which usernames exist.
  const ok = await verifyPassword(row?.password_hash ?? (await dummyHash()), password);
  if (!row || !ok || !row.active) {
    const lock = await recordFailure(db, username, settings, now);
    if (lock) throw accountLocked(lock);
    throw new AppError('BAD_CREDENTIALS');
  }
  await clearFailures(db, username);
  const token = randomBytes(32).toString('base64url');
  await db('sessions').insert({
    token_hash: tokenHash(token),
    user_id: row.id,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + settings.sessionAbsoluteHours * 3600_000).toISOString(),
  });
  return { token, user: withPasswordAge(userFromRow(row), row, settings, now) };
}

/** A password past `passwordMaxAgeDays` must be changed as if an administrator had reset it. */
function withPasswordAge(user: User, row: Record<string, unknown>, settings: SecuritySettings, now: Date): User {
  if (user.mustChangePassword || settings.passwordMaxAgeDays <= 0) return user;
  const changedAt = (row.password_changed_at ?? row.created_at) as string | null;
  const expired = changedAt !== null && now.getTime() - Date.parse(changedAt) > settings.passwordMaxAgeDays * 24 * 3600_000;
  return expired ? { ...user, mustChangePassword: true } : user;
}

/**
 * Checked tokens are remembered for a few seconds per database, so a clerk's burst of requests costs
 * one lookup: a logout on this process takes effect at once, one on another process of a PostgreSQL
 * deployment within CHECK_TTL_MS, and an expired or idle session is never accepted.
 */
const CHECK_TTL_MS = 5_000;
const MAX_CACHED = 10_000;
interface Checked {
  user: User;
  until: number;
  expiresAt: number;
  lastSeen: number;
  lastWritten: number;
}
const checked = new WeakMap<Knex, Map<string, Checked>>();

function cacheOf(db: Knex) {
  let cache = checked.get(db);
  if (!cache) checked.set(db, (cache = new Map()));
  return cache;
}

export async function authenticate(db: Knex, token: string, now = new Date(), settings: SecuritySettings = DEFAULT_SECURITY_SETTINGS): Promise<User | null> {
  const cache = cacheOf(db);
  const t = now.getTime();
  const idleMs = settings.sessionIdleMinutes * MINUTE;
  const hash = tokenHash(token);
  let hit = cache.get(token);
  if (!hit || hit.until <= Date.now() || hit.expiresAt <= t || t - hit.lastSeen >= idleMs) {
    cache.delete(token);
    const row = await withSql(db, (sql) =>
      sql.first(
        'select users.*, sessions.expires_at as session_expires_at, sessions.created_at as session_created_at, sessions.last_seen_at as session_last_seen_at from sessions join users on users.id = sessions.user_id where sessions.token_hash = ? and sessions.expires_at > ?',
        [hash, now.toISOString()],
      ),
    );
    if (!row || !row.active) return null;
    const lastSeen = Date.parse((row.session_last_seen_at ?? row.session_created_at) as string);
    if (t - lastSeen >= idleMs) {
      await db('sessions').where({ token_hash: hash }).delete();
      return null;
    }
    hit = { user: withPasswordAge(userFromRow(row), row, settings, now), until: Date.now() + CHECK_TTL_MS, expiresAt: Date.parse(row.session_expires_at as string), lastSeen, lastWritten: lastSeen };
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(token, hit);
  }
  if (t > hit.lastSeen) hit.lastSeen = t;
  if (hit.lastSeen - hit.lastWritten >= LAST_SEEN_WRITE_MS) {
    hit.lastWritten = hit.lastSeen;
    await db('sessions').where({ token_hash: hash }).update({ last_seen_at: new Date(hit.lastSeen).toISOString() });
  }
  return hit.user;
}

export async function logout(db: Knex, token: string): Promise<void> {
  cacheOf(db).delete(token);
  await db('sessions').where({ token_hash: tokenHash(token) }).delete();
}

/** Ends every session of a user at once (password changed, deactivated, roles or organisation changed). */
export async function endSessionsOf(db: Knex, userId: string): Promise<void> {
  const cache = cacheOf(db);
  for (const [token, entry] of cache) if (entry.user.id === userId) cache.delete(token);
  await db('sessions').where({ user_id: userId }).delete();
}

/** Deletes sessions past their absolute or idle timeout; the server runs it on a timer. */
export async function purgeSessions(db: Knex, now: Date, settings: SecuritySettings = DEFAULT_SECURITY_SETTINGS): Promise<number> {
  const idleBefore = new Date(now.getTime() - settings.sessionIdleMinutes * MINUTE).toISOString();
  return db('sessions')
    .where('expires_at', '<=', now.toISOString())
    .orWhere((q) => q.whereNotNull('last_seen_at').andWhere('last_seen_at', '<=', idleBefore))
    .orWhere((q) => q.whereNull('last_seen_at').andWhere('created_at', '<=', idleBefore))
    .delete();
}

// A hash of a random password, used only to spend the same time on unknown usernames.
let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
