import { isCnMobile } from './cn-mobile.ts';

/**
 * A contact telephone: a mobile number (see cn-mobile) or a landline with its area code, e.g.
 * 0575-87654321, 010-12345678, optionally with an extension (0575-87654321-801). The dash after
 * the area code may be left out. Area codes are 010, 02X or 0 plus three digits; local numbers
 * have 7 or 8 digits and do not start with 0 or 1.
 */
export const CN_PHONE_FORMAT = 'cn-phone';

const LANDLINE = /^0(?:10|2\d|[3-9]\d{2})-?[2-9]\d{6,7}(?:-\d{1,6})?$/;

export function isCnLandline(value: string): boolean {
  return LANDLINE.test(value);
}

export function isCnPhone(value: string): boolean {
  return isCnMobile(value) || isCnLandline(value);
}

/** Why `value` is not a telephone number, in Chinese, or null when it is one. */
export function explainCnPhone(value: string): string | null {
  if (isCnPhone(value)) return null;
  if (value.startsWith('0')) return '固定电话应为区号-号码，如 0575-87654321';
  if (value.startsWith('1')) return '手机号码应为11位数字';
  return '应为11位手机号码或带区号的固定电话（如 0575-87654321）';
}
