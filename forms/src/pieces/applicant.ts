import { addressSchema, addressUiSchema } from './address.ts';
import { idNumberSchema, idNumberUiSchema } from './id-card.ts';
import { mobileSchema, mobileUiSchema } from './phone.ts';

/**
 * The applicant (申请人) block most service items start with. The mobile number is required
 * because progress and pick-up notices go out by SMS.
 */
export const applicantSchema = {
  type: 'object',
  title: '申请人信息',
  required: ['name', 'idNumber', 'phone', 'address'],
  properties: {
    name: { type: 'string', title: '姓名', minLength: 1, maxLength: 50 },
    idNumber: idNumberSchema,
    phone: mobileSchema,
    address: { ...addressSchema, title: '住址' },
  },
} as const;

export const applicantUiSchema = {
  'ui:order': ['name', 'idNumber', 'phone', 'address'],
  name: { 'ui:placeholder': '与身份证一致', 'ui:autofocus': true },
  idNumber: idNumberUiSchema,
  phone: mobileUiSchema,
  address: addressUiSchema,
} as const;
