/**
 * Shared schema pieces for the resident identity card (居民身份证). Plugins copy these objects
 * into their form schema or `$ref` them by the URIs in shared-schema-uris.ts.
 * No `$id` inside: the same piece may appear twice in one form (applicant and agent).
 */
export const idNumberSchema = {
  type: 'string',
  title: '公民身份号码',
  format: 'cn-id-number',
} as const;

export const idCardSchema = {
  type: 'object',
  title: '居民身份证',
  required: ['name', 'idNumber', 'validUntil'],
  properties: {
    name: { type: 'string', title: '姓名', minLength: 1, maxLength: 50 },
    idNumber: idNumberSchema,
    issuingAuthority: { type: 'string', title: '签发机关', maxLength: 50 },
    validFrom: { type: 'string', title: '有效期起始日期', format: 'date' },
    validUntil: {
      type: 'string',
      title: '有效期截止日期',
      description: '填写日期（YYYY-MM-DD），长期有效的填“长期”',
      pattern: '^(\\d{4}-\\d{2}-\\d{2}|长期)$',
    },
  },
} as const;

export const idNumberUiSchema = {
  'ui:placeholder': '18位，末位 X 请大写',
  'ui:help': '按身份证原样填写，系统自动核验校验位',
} as const;

export const idCardUiSchema = {
  'ui:order': ['name', 'idNumber', 'issuingAuthority', 'validFrom', 'validUntil'],
  name: { 'ui:placeholder': '与身份证一致' },
  idNumber: idNumberUiSchema,
  issuingAuthority: { 'ui:placeholder': '如：绍兴市公安局越城分局' },
  validFrom: { 'ui:widget': 'date' },
  validUntil: { 'ui:placeholder': '如 2036-05-01 或 长期' },
} as const;
