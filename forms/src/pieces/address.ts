/**
 * A postal address down to the village (村/社区). `village` is optional: addresses in a town
 * seat or a street office area may have no village-level unit on the form.
 */
export const addressSchema = {
  type: 'object',
  title: '地址',
  required: ['province', 'city', 'county', 'township', 'detail'],
  properties: {
    province: { type: 'string', title: '省（自治区、直辖市）', minLength: 1, maxLength: 20 },
    city: { type: 'string', title: '市（地区、州、盟）', minLength: 1, maxLength: 30 },
    county: { type: 'string', title: '县（市、区、旗）', minLength: 1, maxLength: 30 },
    township: { type: 'string', title: '乡（镇、街道）', minLength: 1, maxLength: 30 },
    village: { type: 'string', title: '村（社区）', maxLength: 30 },
    detail: { type: 'string', title: '详细地址', minLength: 1, maxLength: 100 },
  },
} as const;

export const addressUiSchema = {
  'ui:order': ['province', 'city', 'county', 'township', 'village', 'detail'],
  province: { 'ui:placeholder': '如：浙江省' },
  city: { 'ui:placeholder': '如：绍兴市' },
  county: { 'ui:placeholder': '如：越城区' },
  township: { 'ui:placeholder': '如：东湖街道' },
  village: { 'ui:placeholder': '如：东湖村（无则不填）' },
  detail: { 'ui:placeholder': '门牌号、组、幢、室' },
} as const;
