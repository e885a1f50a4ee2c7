// Setting a password: the policy checked (length, classes, username, history), the old hash kept in
// the history, every session of the user ended. A user's own change clears the must-change flag; an
// administrator's reset sets it, so the user picks their own at the next sign-in.
import type { Knex } from 'knex';
import { AppError, type ErrorDetail } from '../errors/index.ts';
import { lockedUntil, recordFailure } from './lockout.ts';
import { passwordProblems, reusesRecentPassword } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { SecuritySettings } from './security-settings.ts';
import { accountLocked, endSessionsOf } from './sessions.ts';

/** Refuses `password` as the new password of `userId` (400 WEAK_PASSWORD at `pointer`). */
export async function checkNewPassword(db: Knex, user: { id?: string; username: string }, password: string, settings: SecuritySettings, pointer: string): Promise<void> {
  const problems: ErrorDetail[] = passwordProblems(password, user.username, settings, pointer);
  if (problems.length === 0 && user.id && (await reusesRecentPassword(db, user.id, password, settings))) {
    problems.push({ pointer, message: `不能与最近 ${settings.passwordHistory} 次使用过的密码相同` });
  }
  if (problems.length > 0) throw new AppError('WEAK_PASSWORD', problems.map((p) => p.message).join('；'), problems);
}

/** Stores a new password (already checked) and ends the user's sessions. */
export async function setPassword(db: Knex, userId: string, password: string, options: { mustChange: boolean; now: Date }): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction(async (trx) => {
    const row = await trx('users').where({ id: userId }).first('password_hash');
    if (!row) throw new AppError('NOT_FOUND', '用户不存在');
    await trx('password_history').insert({ user_id: userId, password_hash: row.password_hash, created_at: options.now.toISOString() });
    await trx('users').where({ id: userId }).update({ password_hash: hash, password_changed_at: options.now.toISOString(), must_change_password: options.mustChange, updated_at: options.now.toISOString() });
  });
  await endSessionsOf(db, userId);
}

/** A user's own change: the current password proves it is them (a wrong one counts toward the lock-out). */
export async function changeOwnPassword(db: Knex, user: { id: string; username: string }, current: string, next: string, settings: SecuritySettings, now: Date): Promise<void> {
  const locked = await lockedUntil(db, user.username, now);
  if (locked) throw accountLocked(locked);
  const row = await db('users').where({ id: user.id }).first('password_hash');
  if (!row || !(await verifyPassword(row.password_hash as string, current))) {
    const lock = await recordFailure(db, user.username, settings, now);
    if (lock) {
      await endSessionsOf(db, user.id);
      throw accountLocked(lock);
    }
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', [{ pointer: '/current', message: '当前密码不正确' }]);
  }
  if (current === next) throw new AppError('WEAK_PASSWORD', '新密码不能与当前密码相同', [{ pointer: '/next', message: '新密码不能与当前密码相同' }]);
  await checkNewPassword(db, user, next, settings, '/next');
  await setPassword(db, user.id, next, { mustChange: false, now });
}
