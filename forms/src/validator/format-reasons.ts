import type { DateInput } from '../dates/calendar-date.ts';
import { CN_CREDIT_CODE_FORMAT, explainCnCreditCode } from '../formats/cn-credit-code.ts';
import { CN_ID_NUMBER_FORMAT, explainCnIdNumber } from '../formats/cn-id-number.ts';
import { CN_MOBILE_FORMAT, explainCnMobile } from '../formats/cn-mobile.ts';
import { CN_PHONE_FORMAT, explainCnPhone } from '../formats/cn-phone.ts';

type Explain = (value: string, referenceDate: DateInput) => string | null;

/** Formats whose failure we can explain from the value itself. */
const EXPLAINED: Readonly<Record<string, Explain>> = {
  [CN_ID_NUMBER_FORMAT]: explainCnIdNumber,
  [CN_CREDIT_CODE_FORMAT]: (value) => explainCnCreditCode(value),
  [CN_MOBILE_FORMAT]: (value) => explainCnMobile(value),
  [CN_PHONE_FORMAT]: (value) => explainCnPhone(value),
};

/** What the standard formats of ajv-formats expect, in words a clerk understands. */
const EXPECTED: Readonly<Record<string, string>> = {
  date: '应为日期，如 2025-03-15',
  time: '应为时间，如 09:30:00+08:00',
  'date-time': '应为日期时间，如 2025-03-15T09:30:00+08:00',
  email: '应为电子邮箱地址',
  uri: '应为网址',
  url: '应为网址',
  uuid: '应为 UUID',
  ipv4: '应为 IPv4 地址',
  ipv6: '应为 IPv6 地址',
};

/** "格式不正确：<reason>" for a value that failed `format`. */
export function formatReason(format: string, value: unknown, referenceDate: DateInput): string {
  const explain = EXPLAINED[format];
  const reason = explain && typeof value === 'string' ? explain(value, referenceDate) : EXPECTED[format];
  return reason ? `格式不正确：${reason}` : `格式不正确（应符合 ${format} 格式）`;
}
