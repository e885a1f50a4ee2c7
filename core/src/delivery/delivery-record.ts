// What a DELIVER event leaves behind for the delivery receipt (送达回证): the mode, the fields
// entered, and for postal delivery the address taken from the case form.
import type { DeliveryModeDefinition, Problem } from '@bianmin/contract';
import { DEFAULT_ADDRESS_POINTER, deliveryAddress } from './delivery-address.ts';
import { validateDeliveryPayload } from './payload-validation.ts';

export interface DeliveryRecord {
  mode: string;
  modeName: string;
  fields: Record<string, unknown>;
  /** Postal delivery: where the result was sent. */
  address?: string;
}

export type DeliveryRecordResult = { ok: true; record: DeliveryRecord } | { ok: false; issues: Problem[] };

/** Modes whose result travels to the applicant's address. */
const ADDRESSED_MODES = new Set(['postal']);

export interface DeliveryRecordOptions {
  /** JSON pointer of the postal address in the form, when the item keeps it elsewhere. */
  addressPointer?: string;
  /** The day ID numbers are judged against (default: now). */
  on?: Date;
}

/** Checks a DELIVER payload and, when it may be recorded, what the receipt is to show. */
export function buildDeliveryRecord(
  mode: Pick<DeliveryModeDefinition, 'code' | 'name' | 'fieldsSchema' | 'requiresProof'>,
  payload: Record<string, unknown>,
  formData: Record<string, unknown>,
  options: DeliveryRecordOptions = {},
): DeliveryRecordResult {
  const addressPointer = options.addressPointer ?? DEFAULT_ADDRESS_POINTER;
  const issues = validateDeliveryPayload(mode, payload, options.on);
  const { mode: _named, ...fields } = payload;
  let address: string | undefined;
  if (ADDRESSED_MODES.has(mode.code)) {
    address = deliveryAddress(formData, addressPointer);
    if (address === undefined) {
      issues.push({ pointer: '/address', message: `申请表中没有邮寄地址（${addressPointer}），无法邮寄送达` });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, record: { mode: mode.code, modeName: mode.name, fields, ...(address ? { address } : {}) } };
}
