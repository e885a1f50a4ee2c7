// The instance secret: one random value per deployment from which every keyed use derives its own
// key (signed links, the ID-number search hash, …), so that what it signs or hashes survives a
// restart and one key's compromise or rotation touches only its own use.
//
// Where it comes from, first match wins:
//  1. `BIANMIN_SECRET` (at least 32 characters) — the way to set it on any deployment, and the one
//     to use with several servers or when backups of the database must not carry it;
//  2. PostgreSQL: the row of `instance_secret` (migration 0010), created by the first server that
//     starts and read by every other, so all servers of one deployment agree;
//  3. SQLite: the file `instance-secret` beside the database file in the data folder, created once
//     with mode 0600 and reused at every start (kept out of the database file, so a copy of the
//     database alone does not carry it);
//  4. an in-memory SQLite database (tests): a random value for the life of the process.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hkdfSync, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Knex } from 'knex';
import { isPostgres } from '../store/index.ts';

export type InstanceSecretSource = 'env' | 'database' | 'file' | 'memory';

export interface InstanceSecret {
  /** Where the secret was found (for the operator; never the secret itself). */
  readonly source: InstanceSecretSource;
  /**
   * A 32-byte key for one use, e.g. `deriveKey('id-number-search')`: HKDF-SHA256 of the secret with
   * the purpose as its info, so keys of different purposes are independent. Same purpose, same key.
   */
  deriveKey(purpose: string): Buffer;
}

export const SECRET_ENV = 'BIANMIN_SECRET';
export const SECRET_FILE = 'instance-secret';
export const MIN_SECRET_LENGTH = 32;
const TABLE = 'instance_secret';
// Fixed salt: the secret is already uniformly random (or the operator's choice); the salt only
// separates Bianmin's keys from any other use of the same value.
const SALT = 'bianmin/instance-secret/v1';

/** Builds the secret from its value; `loadInstanceSecret` finds the value. */
export function instanceSecret(value: string, source: InstanceSecretSource): InstanceSecret {
  if (value.length < MIN_SECRET_LENGTH) throw new RangeError(`${SECRET_ENV} 至少需要 ${MIN_SECRET_LENGTH} 个字符`);
  const keys = new Map<string, Buffer>();
  return {
    source,
    deriveKey(purpose) {
      if (typeof purpose !== 'string' || purpose.trim() === '') throw new RangeError('deriveKey needs a purpose');
      let key = keys.get(purpose);
      if (!key) keys.set(purpose, (key = Buffer.from(hkdfSync('sha256', value, SALT, purpose, 32))));
      return Buffer.from(key); // a copy: a caller that zeroes or changes it cannot change the next caller's
    },
  };
}

/** Finds the deployment's secret as the header says, creating it on the first start. */
export async function loadInstanceSecret(db: Knex, env: NodeJS.ProcessEnv = process.env): Promise<InstanceSecret> {
  const given = env[SECRET_ENV];
  if (given !== undefined && given !== '') return instanceSecret(given, 'env');
  if (isPostgres(db)) return instanceSecret(await databaseSecret(db), 'database');
  const file = sqliteFileOf(db);
  if (file === null) return instanceSecret(randomBytes(32).toString('base64url'), 'memory');
  return instanceSecret(fileSecret(join(dirname(file), SECRET_FILE)), 'file');
}

function sqliteFileOf(db: Knex): string | null {
  const connection = db.client.config.connection as { filename?: string } | undefined;
  const filename = connection?.filename;
  return !filename || filename === ':memory:' || filename.startsWith('file::memory:') ? null : filename;
}

/** The secret stored in the data folder, created with mode 0600 if there is none yet. */
export function fileSecret(path: string): string {
  try {
    // 'wx': only one of two processes starting at once creates it; the other reads it below.
    writeFileSync(path, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  // A file copied in with wider permissions is closed again: the secret is for this user alone.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const value = readFileSync(path, 'utf8').trim();
  if (value.length < MIN_SECRET_LENGTH) throw new RangeError(`${path} 中的实例密钥过短（至少 ${MIN_SECRET_LENGTH} 个字符）`);
  return value;
}

/** The deployment's row, inserted by whichever server gets there first. */
async function databaseSecret(db: Knex): Promise<string> {
  await db(TABLE).insert({ id: 1, secret: randomBytes(32).toString('base64url'), created_at: new Date().toISOString() }).onConflict('id').ignore();
  const row = await db(TABLE).where({ id: 1 }).first('secret');
  return String(row.secret);
}
