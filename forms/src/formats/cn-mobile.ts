/**
 * Mainland China mobile number: 11 digits, 1 then 3-9 (the network prefixes in use), written
 * without spaces, dashes or a +86 prefix so that one number has one spelling in case data and in
 * SMS notification targets.
 */
export const CN_MOBILE_FORMAT = 'cn-mobile';

const MOBILE = /^1[3-9]\d{9}$/;

export function isCnMobile(value: string): boolean {
  return MOBILE.test(value);
}

/** Why `value` is not a mobile number, in Chinese, or null when it is one. */
export function explainCnMobile(value: string): string | null {
  if (isCnMobile(value)) return null;
  if (/^(\+?86)/.test(value) && value.length > 11) return '请去掉 +86 前缀，填写11位手机号码';
  if (/[\s-]/.test(value)) return '应为11位数字，不含空格或横线';
  if (!/^\d+$/.test(value)) return '应只含数字';
  if (value.length !== 11) return `应为11位，实际${value.length}位`;
  return '号段无效，应以13至19开头';
}
