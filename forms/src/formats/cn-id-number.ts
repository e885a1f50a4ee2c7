import { calendarDate, fullYearsBetween, toCalendarDate, type CalendarDate, type DateInput } from '../dates/calendar-date.ts';
import { isProvinceCode } from './province-codes.ts';

/**
 * GB 11643-1999 citizen identity number (公民身份号码), 18 characters:
 * 6-digit region code · 8-digit birth date YYYYMMDD · 3-digit sequence (odd = male) ·
 * ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * Only an upper-case X is accepted: the standard prints X, and accepting x would let two spellings
 * of one number into case data. UI text tells applicants to type a capital X.
 * Only the province part of the region code is checked: county codes change over the years and an
 * ID number keeps the code of the place of first registration.
 */
export const CN_ID_NUMBER_FORMAT = 'cn-id-number';

export interface CnIdNumberFacts {
  /** 'YYYY-MM-DD' */
  birthDate: string;
  sex: 'male' | 'female';
  /** The 6-digit administrative region code of first registration. */
  regionCode: string;
}

const EARLIEST_BIRTH: CalendarDate = '1900-01-01';
const SHAPE = /^\d{17}[\dX]$/;

/** The MOD 11-2 check character for the first 17 digits. */
export function cnIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new TypeError(`需要17位数字，收到 "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const weight = 2 ** (17 - i) % 11; // 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
    sum += Number(first17[i]) * weight;
  }
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/**
 * Why `value` is not a valid ID number, in Chinese, or null if it is valid on `today`.
 * The reasons are precise so that a clerk knows what to re-check on the card.
 */
export function explainCnIdNumber(value: string, today: DateInput = new Date()): string | null {
  if (value.length !== 18) return `应为18位，实际${value.length}位`;
  if (/x$/.test(value) && SHAPE.test(value.slice(0, 17) + 'X')) return '末位校验码 X 应为大写';
  if (!SHAPE.test(value)) return '前17位应为数字，末位为数字或大写 X';
  if (!isProvinceCode(value.slice(0, 2))) return `地区码无效：${value.slice(0, 2)} 不是省级行政区划代码`;
  const birth = birthDateOf(value);
  if (!birth) return `出生日期无效：${value.slice(6, 14)}`;
  if (birth < EARLIEST_BIRTH) return `出生日期无效：早于1900年`;
  if (birth > toCalendarDate(today)) return `出生日期无效：${birth} 晚于当前日期`;
  if (cnIdCheckCharacter(value.slice(0, 17)) !== value[17]) return '校验位错误';
  return null;
}

export function isCnIdNumber(value: string, today: DateInput = new Date()): boolean {
  return explainCnIdNumber(value, today) === null;
}

/** Birth date, sex and region of a valid ID number; null when the number is not valid. */
export function parseCnIdNumber(id: string, today: DateInput = new Date()): CnIdNumberFacts | null {
  if (!isCnIdNumber(id, today)) return null;
  return {
    birthDate: birthDateOf(id) as CalendarDate,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  };
}

/**
 * Age in full years on `date` (default: today in China) of the holder of `id`.
 * Throws on an invalid ID number or a date before the birth date: an age cannot be read from them.
 */
export function ageOn(id: string, date: DateInput = new Date()): number {
  const problem = explainCnIdNumber(id, date);
  if (problem) throw new RangeError(`身份证号码无效（${problem}），无法计算年龄`);
  return fullYearsBetween(birthDateOf(id) as CalendarDate, toCalendarDate(date));
}

function birthDateOf(id: string): CalendarDate | null {
  return calendarDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)));
}
