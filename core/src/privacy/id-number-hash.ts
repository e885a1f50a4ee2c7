// Exact search by 身份证号 without keeping a searchable copy of the number: a keyed hash
// (HMAC-SHA256) of the normalised number is stored beside the case and indexed. Without the key —
// derived from the instance secret, never stored with the data — the column cannot be reversed by
// hashing every possible number (there are only ~10^11 valid ones, a plain hash would fall in hours).
import { createHmac } from 'node:crypto';

/** The `deriveKey` purpose of the key (secrets/instance-secret.ts). Changing it orphans every stored hash. */
export const ID_NUMBER_HASH_PURPOSE = 'id-number-search';

/** As a person types it: spaces dropped, a lower-case check character x read as X. */
export function normaliseIdNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** 64 hex characters; the same number always gives the same hash under one key. */
export function idNumberHash(key: Uint8Array, idNumber: string): string {
  return createHmac('sha256', key).update(normaliseIdNumber(idNumber), 'utf8').digest('hex');
}

/** True when a search text is meant as an ID number (15 or 18 characters, digits, 18th may be X). */
export function looksLikeIdNumber(value: string): boolean {
  return /^(\d{15}|\d{17}[\dX])$/.test(normaliseIdNumber(value));
}
