/**
 * GB 32100-2015 unified social credit code (统一社会信用代码), 18 characters:
 * registration authority (1) · organisation type (1) · region code (6 digits) ·
 * organisation code (9, GB 11714) · check character (1).
 * The character set is 0-9 and upper-case letters without I, O, S, V, Z.
 */
export const CN_CREDIT_CODE_FORMAT = 'cn-credit-code';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters (3^i mod 31 weighting, mod 31). */
export function cnCreditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17 || [...first17].some((c) => !CHARSET.includes(c))) {
    throw new TypeError(`需要17位统一社会信用代码字符，收到 "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Why `value` is not a valid credit code, in Chinese, or null when it is valid. */
export function explainCnCreditCode(value: string): string | null {
  if (value.length !== 18) return `应为18位，实际${value.length}位`;
  if (/[a-z]/.test(value)) return '字母应为大写';
  const foreign = [...value].find((c) => !CHARSET.includes(c));
  if (foreign !== undefined) return `含有不允许的字符 "${foreign}"（不使用 I、O、S、V、Z）`;
  if (!/^\d{6}$/.test(value.slice(2, 8))) return `第3至8位应为行政区划代码（数字），实际为 ${value.slice(2, 8)}`;
  if (cnCreditCodeCheckCharacter(value.slice(0, 17)) !== value[17]) return '校验位错误';
  return null;
}

export function isCnCreditCode(value: string): boolean {
  return explainCnCreditCode(value) === null;
}
