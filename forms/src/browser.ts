// @bianmin/forms/browser — the parts of @bianmin/forms that run in a browser bundle as they are:
// no ajv, no json-schema-to-typescript. The admin UI checks formats with these so that the
// browser and the server agree on what a valid ID number, credit code or phone number is.

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

// The server's wording of form errors, so the web form says exactly what a 400 says.
export { toFormError } from './validator/form-errors.ts';
export type { FormError } from './validator/form-errors.ts';
export { ageFromIdKeywords } from './keywords/age-from-id.ts';

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
