// The public finds a case by its number and the last 4 digits of the applicant's phone (progress,
// evaluation). One answer for an unknown number and a wrong phone: the lookup never confirms that
// a number exists. Four digits are guessable, so wrong guesses are counted per number as typed
// (known or not, the same way): as many as lock a sign-in lock the number's lookup for a while,
// and the route's rate limit (rate-limits.ts) bounds how many numbers one address tries.
import { clearFailures, lockedUntil, recordFailure } from '../../auth/index.ts';
import type { CaseRecord } from '../../cases/index.ts';
import { AppError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';

export const numberParams = { type: 'object', required: ['number'], properties: { number: { type: 'string', minLength: 4, maxLength: 64 } } } as const;
export const phone4 = { type: 'string', pattern: '^[0-9]{4}$' } as const;

function lookupLocked(until: Date): AppError {
  const at = until.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return new AppError('LOOKUP_LOCKED', `该办件编号查询失败次数过多，请于 ${at} 后再试，或携带身份证件到窗口查询`, undefined, { unlockAt: until.toISOString() });
}

export async function findPublicCase(rt: Runtime, number: string, phoneLast4: string): Promise<CaseRecord> {
  const key = `case:${number}`;
  const now = rt.now();
  const locked = await lockedUntil(rt.db, key, now);
  if (locked) throw lookupLocked(locked);
  const row = await rt.db('cases').where({ number }).first('id', 'applicant_phone');
  if (!row || !row.applicant_phone || String(row.applicant_phone).slice(-4) !== phoneLast4) {
    const lock = await recordFailure(rt.db, key, rt.security.current(), now);
    if (lock) throw lookupLocked(lock);
    throw new AppError('CASE_NOT_FOUND', '未找到办件，请核对办件编号和手机号后四位');
  }
  await clearFailures(rt.db, key);
  return (await rt.engine.load(rt.db, row.id))!;
}
