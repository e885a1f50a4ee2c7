// Personal data: masking for display and logs, and the keyed hash that lets an ID number be found
// exactly without being searchable in the store.
export { maskIdNumber, maskPhone, maskName, redactIdNumbers } from './masking.ts';
export { ID_NUMBER_HASH_PURPOSE, idNumberHash, looksLikeIdNumber, normaliseIdNumber } from './id-number-hash.ts';
