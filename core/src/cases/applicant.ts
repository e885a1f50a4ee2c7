// The applicant of a case: given with the request, or read from the form's `applicant` object.
import { deliveryAddress } from '../delivery/index.ts';
import type { Applicant } from './case-record.ts';

/**
 * Fields given explicitly win over the form's. An address entered as parts (the shared
 * `urn:bianmin:forms:address` piece) is kept as one line, as documents print it.
 */
export function applicantOf(given: Applicant | undefined, data: Record<string, unknown>): Applicant {
  const fromForm = (data.applicant && typeof data.applicant === 'object' ? data.applicant : {}) as Record<string, unknown>;
  const formValue = (k: keyof Applicant) =>
    k === 'address' ? deliveryAddress(fromForm, '/address') : typeof fromForm[k] === 'string' ? (fromForm[k] as string) : undefined;
  const pick = (k: keyof Applicant) => (given?.[k] as string | undefined) ?? formValue(k);
  const out: Applicant = {};
  for (const k of ['name', 'idNumber', 'phone', 'email', 'address'] as const) {
    const v = pick(k);
    if (v) out[k] = v;
  }
  if (given?.authorisation) out.authorisation = given.authorisation;
  return out;
}
