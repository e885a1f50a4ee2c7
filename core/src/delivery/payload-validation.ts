// Checks the fields of a DELIVER event against its mode, with messages a clerk can act on.
import type { ErrorObject } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import type { DeliveryModeDefinition, ValidationIssue } from '../contract/index.ts';
import { compileFieldsSchema } from './fields-ajv.ts';

/** Where a mode that requires proof expects the reference to the signature or photo. */
export const PROOF_FIELD = 'proofRef';

/**
 * The problems of a DELIVER payload for `mode`, one per field, as JSON pointers into the payload
 * and messages in Chinese; empty when it may be recorded. `mode` in the payload names the mode
 * and is not one of its fields.
 */
export function validateDeliveryPayload(
  mode: Pick<DeliveryModeDefinition, 'code' | 'fieldsSchema' | 'requiresProof'>,
  payload: Record<string, unknown>,
): ValidationIssue[] {
  const { mode: named, ...fields } = payload;
  const issues: ValidationIssue[] = [];
  if (named !== undefined && named !== mode.code) {
    issues.push({ pointer: '/mode', message: `送达方式应为「${mode.code}」` });
  }
  const validate = compileFieldsSchema(mode.fieldsSchema);
  if (!validate(fields) && validate.errors) {
    const errors = validate.errors.map((e) => ({ ...e }));
    localizeZh(errors);
    for (const error of errors) issues.push(toIssue(error));
  }
  const proof = fields[PROOF_FIELD];
  if (mode.requiresProof && (typeof proof !== 'string' || proof.trim() === '')) {
    issues.push({ pointer: `/${PROOF_FIELD}`, message: '该送达方式须记录签收凭证（签名或现场照片）' });
  }
  return dedupe(issues);
}

function toIssue(error: ErrorObject): ValidationIssue {
  const parent = (error.parentSchema ?? {}) as { title?: string; properties?: Record<string, { title?: string }> };
  if (error.keyword === 'required') {
    const field = String((error.params as { missingProperty: string }).missingProperty);
    const title = parent.properties?.[field]?.title ?? field;
    return { pointer: `${error.instancePath}/${escape(field)}`, message: `请填写${title}` };
  }
  if (error.keyword === 'additionalProperties') {
    const field = String((error.params as { additionalProperty: string }).additionalProperty);
    return { pointer: `${error.instancePath}/${escape(field)}`, message: `该送达方式没有「${field}」这一项` };
  }
  const title = parent.title ?? (error.instancePath || '送达信息');
  if (error.keyword === 'format' || error.keyword === 'pattern') {
    return { pointer: error.instancePath, message: `${title}格式不正确` };
  }
  return { pointer: error.instancePath, message: `${title}${error.message ?? '不正确'}` };
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.pointer) ? false : (seen.add(i.pointer), true)));
}
