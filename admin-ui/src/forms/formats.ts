// The custom string formats of @bianmin/forms, repeated here so the browser checks what the server checks.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643 citizen ID number: 18 characters, a real birth date, and the ISO 7064 MOD 11-2 check digit. */
export function isCnIdNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  const y = Number(value.slice(6, 10));
  const mo = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== mo - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now()) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17]!.toUpperCase();
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export function isCnMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

const CC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100 unified social credit code: 18 characters of the 31-letter alphabet, MOD 31 check character. */
export function isCnCreditCode(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CC_CHARS.indexOf(v[i]!) * CC_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return CC_CHARS[check] === v[17];
}

export const customFormats = {
  'cn-id-number': isCnIdNumber,
  'cn-mobile': isCnMobile,
  'cn-credit-code': isCnCreditCode,
};
