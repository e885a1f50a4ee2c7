import { addressSchema } from './address.ts';
import { applicantSchema } from './applicant.ts';
import { idCardSchema, idNumberSchema } from './id-card.ts';
import { mobileSchema, phoneSchema } from './phone.ts';

/**
 * URIs under which the validator knows the shared pieces, so that a JSON-only manifest can write
 * `{ "$ref": "urn:bianmin:forms:applicant" }` instead of copying the piece.
 */
export const SHARED_SCHEMA_URIS = {
  applicant: 'urn:bianmin:forms:applicant',
  idCard: 'urn:bianmin:forms:id-card',
  idNumber: 'urn:bianmin:forms:id-number',
  mobile: 'urn:bianmin:forms:mobile',
  phone: 'urn:bianmin:forms:phone',
  address: 'urn:bianmin:forms:address',
} as const;

export const SHARED_SCHEMAS: Readonly<Record<string, object>> = {
  [SHARED_SCHEMA_URIS.applicant]: applicantSchema,
  [SHARED_SCHEMA_URIS.idCard]: idCardSchema,
  [SHARED_SCHEMA_URIS.idNumber]: idNumberSchema,
  [SHARED_SCHEMA_URIS.mobile]: mobileSchema,
  [SHARED_SCHEMA_URIS.phone]: phoneSchema,
  [SHARED_SCHEMA_URIS.address]: addressSchema,
};

/**
 * A copy of `schema` with every `$ref` to a shared piece replaced by the piece itself (sibling
 * keywords such as a different `title` win). @rjsf/core resolves only local refs, so the core
 * hands the browser this inlined form; `schema` itself is not changed.
 */
export function inlineSharedRefs<T>(schema: T): T {
  return inline(schema) as T;
}

function inline(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inline);
  if (node === null || typeof node !== 'object') return node;
  const { $ref, ...rest } = node as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) copy[key] = inline(value);
  if (typeof $ref === 'string' && Object.hasOwn(SHARED_SCHEMAS, $ref)) {
    return { ...structuredClone(SHARED_SCHEMAS[$ref]), ...copy };
  }
  return $ref === undefined ? copy : { $ref, ...copy };
}
