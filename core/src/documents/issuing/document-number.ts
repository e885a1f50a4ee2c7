// Document numbers: <issuer short name><kind character>〔<year>〕<n>号, consecutive per issuer, kind
// and year. The counter is taken inside the case's transaction, so numbers are neither reused nor
// skipped when events race or roll back.
import type { DocumentKind } from '@bianmin/contract';
import { nextCounterValue, type Sql } from '../../store/index.ts';
import { kindCharacter } from '../content/index.ts';

export interface AllocatedNumber {
  number: string;
  year: number;
  seq: number;
}

/** The calendar year in Asia/Shanghai. */
export function shanghaiYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}

export async function allocateDocumentNumber(
  sql: Sql,
  issuer: { id: string; shortName: string },
  kind: DocumentKind,
  at: Date,
): Promise<AllocatedNumber> {
  return allocateNumber(sql, issuer, kindCharacter(kind), at);
}

/** The next number of the issuer's series for `char` in the year of `at` (supervision records use it too). */
export async function allocateNumber(sql: Sql, issuer: { id: string; shortName: string }, char: string, at: Date): Promise<AllocatedNumber> {
  const year = shanghaiYear(at);
  const seq = await nextCounterValue(sql, `doc:${issuer.id}:${char}:${year}`);
  return { number: `${issuer.shortName}${char}〔${year}〕${seq}号`, year, seq };
}
