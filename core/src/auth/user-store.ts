import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Role } from '@bianmin/contract';
import { AppError } from '../errors/index.ts';
import { readJson, writeJson } from '../store/index.ts';
import { hashPassword } from './passwords.ts';

export interface User {
  id: string;
  username: string;
  name: string;
  orgId: string;
  roles: Role[];
  windowId: string | null;
  active: boolean;
  /** Set by an administrator's reset, a first sign-in or an expired password: only the change is allowed. */
  mustChangePassword: boolean;
}

export interface NewUser {
  username: string;
  name: string;
  password: string;
  /** An argon2 hash of `password` made earlier (the demo users share one published password). */
  passwordHash?: string;
  orgId: string;
  roles: Role[];
  windowId?: string | null;
  /** True for an account an administrator creates: its user picks their own password at the first sign-in. */
  mustChangePassword?: boolean;
}

export function userFromRow(row: Record<string, unknown>): User {
  return {
    id: row.id as string,
    username: row.username as string,
    name: row.name as string,
    orgId: row.org_id as string,
    roles: readJson<Role[]>(row.roles),
    windowId: (row.window_id as string | null) ?? null,
    active: Boolean(row.active),
    mustChangePassword: Boolean(row.must_change_password),
  };
}

export async function createUser(db: Knex, user: NewUser, now = new Date()): Promise<User> {
  if (await db('users').where({ username: user.username }).first()) {
    throw new AppError('DUPLICATE', `用户名 ${user.username} 已存在`, [{ pointer: '/username', message: '用户名已存在' }]);
  }
  if (!(await db('orgs').where({ id: user.orgId }).first())) {
    throw new AppError('VALIDATION_FAILED', '所属组织不存在', [{ pointer: '/orgId', message: '组织不存在' }]);
  }
  const id = randomUUID();
  await db('users').insert({
    id,
    username: user.username,
    name: user.name,
    password_hash: user.passwordHash ?? (await hashPassword(user.password)),
    org_id: user.orgId,
    roles: writeJson(user.roles),
    window_id: user.windowId ?? null,
    active: true,
    must_change_password: user.mustChangePassword ?? false,
    password_changed_at: now.toISOString(),
    created_at: now.toISOString(),
  });
  return { id, username: user.username, name: user.name, orgId: user.orgId, roles: user.roles, windowId: user.windowId ?? null, active: true, mustChangePassword: user.mustChangePassword ?? false };
}

export async function listUsers(db: Knex, orgIds?: Iterable<string>): Promise<User[]> {
  const q = db('users').orderBy('username');
  if (orgIds) q.whereIn('org_id', [...orgIds]);
  return (await q).map(userFromRow);
}
