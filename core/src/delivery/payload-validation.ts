// Checks the fields of a DELIVER event against its mode, with messages a clerk can act on.
import type { DeliveryModeDefinition, Problem } from '@bianmin/contract';
import { compileFieldsSchema } from './fields-validator.ts';

/** Where a mode that requires proof expects the reference to the signature or photo. */
export const PROOF_FIELD = 'proofRef';

/**
 * The problems of a DELIVER payload for `mode`, as JSON pointers into the payload and messages
 * in Chinese; empty when it may be recorded. `mode` in the payload names the mode and is not
 * one of its fields. `on` is the day an ID number's birth date is judged against.
 */
export function validateDeliveryPayload(
  mode: Pick<DeliveryModeDefinition, 'code' | 'fieldsSchema' | 'requiresProof'>,
  payload: Record<string, unknown>,
  on: Date = new Date(),
): Problem[] {
  const { mode: named, ...fields } = payload;
  const issues: Problem[] = [];
  if (named !== undefined && named !== mode.code) {
    issues.push({ pointer: '/mode', message: `送达方式应为「${mode.code}」` });
  }
  for (const { pointer, message } of compileFieldsSchema(mode.fieldsSchema)(fields, { on })) {
    issues.push({ pointer, message });
  }
  const proof = fields[PROOF_FIELD];
  const proofMissing = typeof proof !== 'string' || proof.trim() === '';
  if (mode.requiresProof && proofMissing && !issues.some((i) => i.pointer === `/${PROOF_FIELD}`)) {
    issues.push({ pointer: `/${PROOF_FIELD}`, message: '该送达方式须记录签收凭证（签名或现场照片）' });
  }
  return issues;
}
