import { describe, expect, it } from 'vitest';
import { createFormValidator } from './create-form-validator.ts';
import { SHARED_SCHEMA_URIS } from '../pieces/shared-schema-uris.ts';

// The loader refuses with checkSchema what compiling would refuse; each case is checked both ways.
const cases: Array<[name: string, schema: unknown]> = [
  ['an unknown format', { type: 'object', properties: { id: { type: 'string', format: 'cn-idnumber' } } }],
  ['a meta-schema violation', { type: 'object', properties: { a: { type: 'text' } } }],
  ['a bad age keyword value', { type: 'string', format: 'cn-id-number', minAgeFromId: 'eighty' }],
  ['a bad ageSubject', { type: 'string', ageSubject: '' }],
  ['an unresolvable local $ref', { type: 'object', properties: { a: { $ref: '#/definitions/missing' } } }],
  ['an unknown remote $ref', { type: 'object', properties: { a: { $ref: 'urn:bianmin:forms:nothing' } } }],
  ['an unresolvable anchor', { type: 'object', properties: { a: { $ref: '#person' } } }],
  ['a pattern that does not parse', { type: 'string', pattern: '^[0-9' }],
  ['a pattern a unicode regex refuses', { type: 'string', pattern: '\\-\\d' }],
  ['a patternProperties key that does not parse', { type: 'object', patternProperties: { '(': { type: 'string' } } }],
  ['an unsupported dialect', { $schema: 'http://json-schema.org/draft-04/schema#' }],
  ['not an object', 'schema'],
  ['a format nested in an array item of a conditional', {
    type: 'object',
    properties: { list: { type: 'array', items: { if: { type: 'string' }, then: { format: 'mobile-cn' } } } },
  }],
];

const good: Array<[name: string, schema: object]> = [
  ['shared pieces and local definitions', {
    type: 'object',
    properties: {
      applicant: { $ref: SHARED_SCHEMA_URIS.applicant },
      guardian: { $ref: '#/definitions/person' },
      other: { $ref: '#' },
      phone: { $ref: `${SHARED_SCHEMA_URIS.mobile}#` },
    },
    definitions: { person: { type: 'object', properties: { id: { type: 'string', format: 'cn-id-number', minAgeFromId: 18, ageSubject: '监护人' } } } },
  }],
  ['a draft-07 anchor and a nested $id', {
    $id: 'urn:test:form',
    type: 'object',
    properties: { a: { $ref: '#person' }, b: { $ref: 'urn:test:form#/definitions/person' } },
    definitions: { person: { $id: '#person', type: 'string', pattern: '^\\p{Script=Han}+$' } },
  }],
  ['a 2020-12 $defs and $anchor', {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { a: { $ref: '#/$defs/code' }, b: { $ref: '#c' } },
    $defs: { code: { type: 'string', format: 'cn-credit-code' }, c: { $anchor: 'c', type: 'integer' } },
  }],
  ['data keywords are not schemas', { type: 'object', default: { format: 'nonsense', $ref: '#/nowhere' }, enum: [{ pattern: '(' }] }],
];

describe('checkSchema (the load-time check, no compilation)', () => {
  const validator = createFormValidator({ logger: false });
  it.each(cases)('refuses %s, where compiling would fail', (_name, schema) => {
    const found = validator.checkSchema(schema);
    expect(found.length).toBeGreaterThan(0);
    expect(validator.checkSchemaCompiles(schema).length).toBeGreaterThan(0);
  });

  it('names the same place as the compiler for formats and references', () => {
    for (const [, schema] of cases.slice(0, 7)) {
      expect(validator.checkSchema(schema)[0]!.pointer).toBe(validator.checkSchemaCompiles(schema)[0]!.pointer);
    }
  });

  it.each(good)('passes %s, which compiles', (_name, schema) => {
    expect(validator.checkSchemaCompiles(schema)).toEqual([]);
    expect(validator.checkSchema(schema)).toEqual([]);
  });
});
