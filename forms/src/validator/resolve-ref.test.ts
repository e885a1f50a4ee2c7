import { describe, expect, it } from 'vitest';
import { applicantSchema } from '../pieces/applicant.ts';
import { resolveRef } from './resolve-ref.ts';

describe('resolveRef', () => {
  const root = { definitions: { 'a/b': { title: 'slash' }, person: { title: '人员' } }, $defs: { x: { title: 'X' } } };

  it('follows JSON pointers into the root schema, unescaping ~1 and ~0', () => {
    expect(resolveRef(root, '#/definitions/person')).toEqual({ title: '人员' });
    expect(resolveRef(root, '#/definitions/a~1b')).toEqual({ title: 'slash' });
    expect(resolveRef(root, '#/$defs/x')).toEqual({ title: 'X' });
    expect(resolveRef(root, '#')).toBe(root);
  });

  it('knows the shared pieces', () => {
    expect(resolveRef(root, 'urn:bianmin:forms:applicant')).toBe(applicantSchema);
  });

  it('gives undefined for anything it cannot resolve', () => {
    expect(resolveRef(root, '#/definitions/none')).toBeUndefined();
    expect(resolveRef(root, 'https://example.org/schema.json')).toBeUndefined();
  });
});
