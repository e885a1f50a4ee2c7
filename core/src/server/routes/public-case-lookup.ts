// The public finds a case by its number and the last 4 digits of the applicant's phone (progress,
// evaluation). One answer for an unknown number and a wrong phone: the lookup never confirms that
// a number exists.
import type { CaseRecord } from '../../cases/index.ts';
import { AppError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';

export const numberParams = { type: 'object', required: ['number'], properties: { number: { type: 'string', minLength: 4, maxLength: 64 } } } as const;
export const phone4 = { type: 'string', pattern: '^[0-9]{4}$' } as const;

export async function findPublicCase(rt: Runtime, number: string, phoneLast4: string): Promise<CaseRecord> {
  const row = await rt.db('cases').where({ number }).first('id', 'applicant_phone');
  if (!row || !row.applicant_phone || String(row.applicant_phone).slice(-4) !== phoneLast4) {
    throw new AppError('CASE_NOT_FOUND', '未找到办件，请核对办件编号和手机号后四位');
  }
  return (await rt.engine.load(rt.db, row.id))!;
}
