// What an evaluation may say, as data the portal, the tablet, the paper card and the statistics
// share: the five levels of 好差评 (seed 002 art. 35), the standard reasons a bad rating gives, the
// aspects rated, and the channels an evaluation arrives by (art. 35(二): 评价器、网站、电话、评议卡、
// 二维码、自助终端).

export const EVALUATION_LEVELS = [
  { level: 1, label: '非常不满意' },
  { level: 2, label: '不满意' },
  { level: 3, label: '基本满意' },
  { level: 4, label: '满意' },
  { level: 5, label: '非常满意' },
] as const;

/** 差评: 不满意 and 非常不满意 open a rectification. */
export const BAD_LEVEL_MAX = 2;
/** 好评: 满意 and 非常满意, the numerator of 好评率. */
export const GOOD_LEVEL_MIN = 4;

export function levelLabel(level: number): string {
  return EVALUATION_LEVELS.find((l) => l.level === level)?.label ?? String(level);
}

/** The reasons a bad rating picks from (at least one), in the words of the national 好差评 forms. */
export const BAD_REASONS = [
  { code: 'guide-unclear', label: '办事指南不清楚、不准确' },
  { code: 'not-told-once', label: '未一次性告知，多次跑动' },
  { code: 'extra-materials', label: '要求提供额外或重复材料' },
  { code: 'slow', label: '办理时间长、未按时办结' },
  { code: 'attitude', label: '服务态度差、推诿扯皮' },
  { code: 'waiting', label: '排队等候时间长' },
  { code: 'fees', label: '收费不规范' },
  { code: 'online-trouble', label: '网上办理不顺畅' },
  { code: 'not-done', label: '事情没有办成' },
  { code: 'other', label: '其他' },
] as const;

export type BadReason = (typeof BAD_REASONS)[number]['code'];

/** Aspects an evaluation may rate separately, each 1–5. */
export const DIMENSIONS = [
  { code: 'attitude', label: '服务态度' },
  { code: 'efficiency', label: '办事效率' },
  { code: 'guidance', label: '告知指导' },
  { code: 'environment', label: '服务环境' },
] as const;

export const EVALUATION_CHANNELS = [
  { code: 'portal', label: '网上办事大厅', staff: false },
  { code: 'sms', label: '短信评价链接', staff: false },
  { code: 'qr', label: '窗口评价二维码', staff: false },
  { code: 'tablet', label: '窗口评价器', staff: true },
  { code: 'paper', label: '纸质评议卡', staff: true },
] as const;

export type EvaluationChannel = (typeof EVALUATION_CHANNELS)[number]['code'];
export const PUBLIC_CHANNELS = EVALUATION_CHANNELS.filter((c) => !c.staff).map((c) => c.code);
export const STAFF_CHANNELS = EVALUATION_CHANNELS.filter((c) => c.staff).map((c) => c.code);
