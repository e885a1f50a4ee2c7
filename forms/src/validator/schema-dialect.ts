/**
 * Which JSON Schema dialect a form schema is written in. The contract allows draft-07 and
 * 2020-12; ajv needs a different class for each (Ajv vs Ajv2020) and cannot mix them in one
 * instance. A schema without `$schema` is draft-07, the dialect @rjsf/core assumes.
 */
export type SchemaDialect = 'draft-07' | '2020-12';

const DIALECTS: ReadonlyArray<[RegExp, SchemaDialect]> = [
  [/^https?:\/\/json-schema\.org\/draft-07\/schema#?$/, 'draft-07'],
  [/^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/, '2020-12'],
];

/** The dialect of `schema`, or null when its `$schema` names one we do not support. */
export function schemaDialect(schema: object): SchemaDialect | null {
  const declared = (schema as { $schema?: unknown }).$schema;
  if (declared === undefined) return 'draft-07';
  if (typeof declared !== 'string') return null;
  return DIALECTS.find(([pattern]) => pattern.test(declared))?.[1] ?? null;
}

export const SUPPORTED_DIALECTS_MESSAGE =
  '仅支持 draft-07（http://json-schema.org/draft-07/schema#）和 2020-12（https://json-schema.org/draft/2020-12/schema）';
