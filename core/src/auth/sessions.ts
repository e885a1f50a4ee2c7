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

export async function authenticate(db: Knex, token: string, now = new Date()): Promise<User | null> {
  const row = await withSql(db, (sql) =>
    sql.first('select users.* from sessions join users on users.id = sessions.user_id where sessions.token_hash = ? and sessions.expires_at > ?', [tokenHash(token), now.toISOString()]),
  );
  return row && row.active ? userFromRow(row) : null;
}

export async function logout(db: Knex, token: string): Promise<void> {
  await db('sessions').where({ token_hash: tokenHash(token) }).delete();
}

// A hash of a random password, used only to spend the same time on unknown usernames.
let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
