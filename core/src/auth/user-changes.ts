// An administrator's changes to an account: name, organisation, roles, window, active, a password
// reset (the user must change it at the next sign-in) and an unlock. Deactivating, moving or
// re-roling ends the user's sessions at once: nobody keeps rights they no longer have.
import type { Knex } from 'knex';
import type { Role } from '@bianmin/contract';
import { AppError } from '../errors/index.ts';
import { writeJson } from '../store/index.ts';
import { clearFailures } from './lockout.ts';
import { checkNewPassword, setPassword } from './password-change.ts';
import type { SecuritySettings } from './security-settings.ts';
import { endSessionsOf } from './sessions.ts';
import { userFromRow, type User } from './user-store.ts';

export interface UserChanges {
  name?: string;
  orgId?: string;
  roles?: Role[];
  windowId?: string | null;
  active?: boolean;
  /** A new initial password: the user must change it at the next sign-in. */
  password?: string;
}

export async function findUser(db: Knex, id: string): Promise<User | null> {
  const row = await db('users').where({ id }).first();
  return row ? userFromRow(row) : null;
}

export async function updateUser(db: Knex, id: string, changes: UserChanges, settings: SecuritySettings, now: Date): Promise<User> {
  const before = await findUser(db, id);
  if (!before) throw new AppError('NOT_FOUND', '用户不存在');
  if (changes.orgId && !(await db('orgs').where({ id: changes.orgId }).first())) {
    throw new AppError('VALIDATION_FAILED', '所属组织不存在', [{ pointer: '/orgId', message: '组织不存在' }]);
  }
  const orgId = changes.orgId ?? before.orgId;
  const windowId = changes.windowId !== undefined ? changes.windowId : changes.orgId && changes.orgId !== before.orgId ? null : before.windowId;
  if (windowId && !(await db('windows').where({ id: windowId, org_id: orgId }).first())) {
    throw new AppError('VALIDATION_FAILED', '窗口不属于该用户所在单位', [{ pointer: '/windowId', message: '窗口不存在或不属于所在单位' }]);
  }
  if (changes.password !== undefined) await checkNewPassword(db, before, changes.password, settings, '/password');
  await db('users')
    .where({ id })
    .update({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.roles !== undefined ? { roles: writeJson(changes.roles) } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      org_id: orgId,
      window_id: windowId,
      updated_at: now.toISOString(),
    });
  if (changes.password !== undefined) await setPassword(db, id, changes.password, { mustChange: true, now });
  const rightsChanged = changes.active === false || orgId !== before.orgId || (changes.roles !== undefined && changes.roles.join() !== before.roles.join());
  if (rightsChanged) await endSessionsOf(db, id);
  if (changes.active === true && !before.active) await clearFailures(db, before.username);
  return (await findUser(db, id))!;
}

/** An administrator's unlock of a locked-out account. */
export async function unlockUser(db: Knex, id: string): Promise<void> {
  const user = await findUser(db, id);
  if (!user) throw new AppError('NOT_FOUND', '用户不存在');
  await clearFailures(db, user.username);
}
