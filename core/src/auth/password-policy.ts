// The password policy for every password set or changed (seed 003 township item 49: long, complex,
// changed periodically): long enough, of enough character classes, not the username, not one of the
// last few. Problems are answered at the field, in Chinese, all at once.
import type { Knex } from 'knex';
import type { ErrorDetail } from '../errors/index.ts';
import { verifyPassword } from './passwords.ts';
import type { SecuritySettings } from './security-settings.ts';

const CLASSES: readonly [RegExp, string][] = [
  [/[a-z]/, '小写字母'],
  [/[A-Z]/, '大写字母'],
  [/[0-9]/, '数字'],
  [/[^a-zA-Z0-9]/, '其他符号'],
];

/** What is wrong with `password` as a new password of `username`, without looking at history. */
export function passwordProblems(password: string, username: string, settings: SecuritySettings, pointer = '/password'): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if ([...password].length < settings.passwordMinLength) problems.push({ pointer, message: `密码至少 ${settings.passwordMinLength} 位` });
  const classes = CLASSES.filter(([re]) => re.test(password)).length;
  if (classes < settings.passwordMinClasses) {
    problems.push({ pointer, message: `密码须包含${CLASSES.map(([, name]) => name).join('、')}中的至少 ${settings.passwordMinClasses} 类` });
  }
  const lower = password.toLowerCase();
  const name = username.toLowerCase();
  if (name.length >= 3 && (lower.includes(name) || lower.includes([...name].reverse().join('')))) problems.push({ pointer, message: '密码不能包含用户名' });
  return problems;
}

/** True when `password` is the current or one of the last `settings.passwordHistory` passwords. */
export async function reusesRecentPassword(db: Knex, userId: string, password: string, settings: SecuritySettings): Promise<boolean> {
  if (settings.passwordHistory <= 0) return false;
  const current = await db('users').where({ id: userId }).first('password_hash');
  const previous = await db('password_history').where({ user_id: userId }).orderBy('id', 'desc').limit(Math.max(0, settings.passwordHistory - 1)).select('password_hash');
  for (const hash of [current?.password_hash, ...previous.map((r: { password_hash: string }) => r.password_hash)]) {
    if (hash && (await verifyPassword(hash, password))) return true;
  }
  return false;
}
