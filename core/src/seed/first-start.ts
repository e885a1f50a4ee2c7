// What first-start seeding shares: whether it already ran, the `admin` user's password, and what
// it reports back (printed once by `npm start`).
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Role } from '@bianmin/contract';
import type { Organisation } from '../org/index.ts';

export interface SeedResult {
  created: boolean;
  orgs: Organisation[];
  /** Sign-ins to print once: username, password, role, organisation. */
  signIns: { username: string; password: string; roles: Role[]; org: string }[];
}

export function adminPassword(env: NodeJS.ProcessEnv): string {
  return env.BIANMIN_ADMIN_PASSWORD || randomBytes(9).toString('base64url');
}

export async function alreadySeeded(db: Knex): Promise<boolean> {
  return Boolean(await db('users').where({ username: 'admin' }).first());
}
