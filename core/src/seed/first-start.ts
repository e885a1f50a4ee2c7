// What first-start seeding shares: whether it already ran, the `admin` user's password, and what
// it reports back (printed once by `npm start`). A password is never printed: the report says where
// it is set (the environment, README for the demo users, or a file of the data folder only the
// server's user can read).
import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Knex } from 'knex';
import type { Role } from '@bianmin/contract';
import type { Organisation } from '../org/index.ts';
import { isPostgres } from '../store/index.ts';

export interface SeedResult {
  created: boolean;
  orgs: Organisation[];
  /** Sign-ins to print once: username, where its password is set, role, organisation. */
  signIns: { username: string; passwordNote: string; roles: Role[]; org: string }[];
}

export const ADMIN_PASSWORD_FILE = 'admin-password';

export interface AdminPassword {
  password: string;
  /** Generated: the admin must pick their own at the first sign-in. */
  generated: boolean;
  note: string;
}

/** `BIANMIN_ADMIN_PASSWORD`, or a generated one written to `admin-password` (0600) in the data folder. */
export function adminPassword(db: Knex, env: NodeJS.ProcessEnv): AdminPassword {
  if (env.BIANMIN_ADMIN_PASSWORD) return { password: env.BIANMIN_ADMIN_PASSWORD, generated: false, note: '见环境变量 BIANMIN_ADMIN_PASSWORD' };
  // Four character classes whatever the random part holds, so it passes the password policy.
  const password = `Bm9-${randomBytes(12).toString('base64url')}`;
  const folder = dataFolderOf(db, env);
  if (!folder) return { password, generated: true, note: '已随机生成（内存数据库，未保存）' };
  const file = join(folder, ADMIN_PASSWORD_FILE);
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { password, generated: true, note: `已随机生成，见 ${file}（仅本用户可读；首次登录须修改，改后请删除该文件）` };
}

/** The data folder: the SQLite file's, or BIANMIN_DATA on PostgreSQL; null for an in-memory database. */
function dataFolderOf(db: Knex, env: NodeJS.ProcessEnv): string | null {
  if (isPostgres(db)) return resolve(env.BIANMIN_DATA || './data');
  const filename = (db.client.config.connection as { filename?: string } | undefined)?.filename;
  return !filename || filename === ':memory:' || filename.startsWith('file::memory:') ? null : dirname(filename);
}

export async function alreadySeeded(db: Knex): Promise<boolean> {
  return Boolean(await db('users').where({ username: 'admin' }).first());
}
