// @bianmin/forms — form schemas for service items: Chinese formats and keywords, the ajv set-up
// with Chinese field-located errors, shared schema pieces, materials checks. (Type generation from a
// form schema is the CLI's: @bianmin/cli, `bianmin plugin types`.)

export type { DateInput } from './dates/calendar-date.ts';

export {
  CN_ID_NUMBER_FORMAT, isCnIdNumber, explainCnIdNumber, parseCnIdNumber, ageOn, cnIdCheckCharacter,
} from './formats/cn-id-number.ts';
export type { CnIdNumberFacts } from './formats/cn-id-number.ts';
export {
  CN_CREDIT_CODE_FORMAT, isCnCreditCode, explainCnCreditCode, cnCreditCodeCheckCharacter,
} from './formats/cn-credit-code.ts';
export { CN_MOBILE_FORMAT, isCnMobile, explainCnMobile } from './formats/cn-mobile.ts';
export { CN_PHONE_FORMAT, isCnPhone, isCnLandline, explainCnPhone } from './formats/cn-phone.ts';
export { PROVINCE_CODES, isProvinceCode } from './formats/province-codes.ts';

export { MIN_AGE_FROM_ID, MAX_AGE_FROM_ID, AGE_SUBJECT, ageFromIdKeywords } from './keywords/age-from-id.ts';

export { createFormValidator, checkSchemaCompiles } from './validator/create-form-validator.ts';
export type {
  FormValidator, FormValidatorOptions, FormValidate, ValidateOptions,
} from './validator/create-form-validator.ts';
export type { FormAjv } from './validator/ajv-instance.ts';
export { toFormError } from './validator/form-errors.ts';
export type { FormError } from './validator/form-errors.ts';
export { FormSchemaError } from './validator/schema-problems.ts';
export { schemaDialect } from './validator/schema-dialect.ts';
export type { SchemaDialect } from './validator/schema-dialect.ts';

export { applicantSchema, applicantUiSchema } from './pieces/applicant.ts';
export { addressSchema, addressUiSchema } from './pieces/address.ts';
export { idNumberSchema, idNumberUiSchema, idCardSchema, idCardUiSchema } from './pieces/id-card.ts';
export { mobileSchema, mobileUiSchema, phoneSchema, phoneUiSchema } from './pieces/phone.ts';
export { materialsChecklistForm } from './pieces/materials-checklist.ts';
export type { FormDefinition } from './pieces/materials-checklist.ts';
export { SHARED_SCHEMA_URIS, inlineSharedRefs } from './pieces/shared-schema-uris.ts';

export { validateMaterials } from './materials/validate-materials.ts';
export type { MaterialsCheck } from './materials/validate-materials.ts';
export {
  MATERIAL_STATUSES, MATERIAL_STATUS_LABELS, MATERIAL_FORM_LABELS,
} from './materials/material-requirement.ts';
export type { MaterialRequirement, MaterialStatus } from './materials/material-requirement.ts';
