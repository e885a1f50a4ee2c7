/** Shared schema pieces for telephone numbers (see formats/cn-mobile.ts and cn-phone.ts). */
export const mobileSchema = {
  type: 'string',
  title: '手机号码',
  format: 'cn-mobile',
} as const;

/** A contact number that may also be a landline, e.g. a village committee's office phone. */
export const phoneSchema = {
  type: 'string',
  title: '联系电话',
  format: 'cn-phone',
} as const;

export const mobileUiSchema = {
  'ui:placeholder': '11位手机号码，用于接收办理进度短信',
  'ui:options': { inputType: 'tel' },
} as const;

export const phoneUiSchema = {
  'ui:placeholder': '手机号码或固定电话，如 0575-87654321',
  'ui:options': { inputType: 'tel' },
} as const;
