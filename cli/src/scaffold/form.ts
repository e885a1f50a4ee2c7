// A small application form: the applicant's name, ID number and mobile phone (checked by the
// custom formats cn-id-number and cn-mobile) and an address for postal delivery.
import type { ItemForm } from '@bianmin/contract';

export const scaffoldForm: ItemForm = {
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    title: '申请表',
    required: ['applicant'],
    properties: {
      applicant: {
        type: 'object',
        title: '申请人',
        required: ['name', 'idNumber', 'phone'],
        properties: {
          name: { type: 'string', title: '姓名', minLength: 2, maxLength: 30 },
          idNumber: { type: 'string', title: '公民身份号码', format: 'cn-id-number' },
          phone: { type: 'string', title: '手机号码', format: 'cn-mobile' },
          address: { type: 'string', title: '联系地址（邮寄送达时必填）', minLength: 5, maxLength: 200 },
        },
      },
    },
  },
  uiSchema: {
    applicant: {
      'ui:order': ['name', 'idNumber', 'phone', 'address'],
      name: { 'ui:placeholder': '与居民身份证一致' },
      idNumber: { 'ui:placeholder': '18位公民身份号码' },
      phone: { 'ui:placeholder': '11位手机号码' },
      address: { 'ui:placeholder': '省、市、区、镇（街道）、村（社区）及门牌号' },
    },
  },
};

/** Form data the happy-path fixture submits (a valid sample ID number and mobile). */
export const sampleData = {
  applicant: { name: '张明', idNumber: '370302198506123518', phone: '13805330001', address: '山东省淄博市淄川区示例镇示例村1号' },
};
