import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ageFromIdKeywords } from './age-from-id.ts';

const BORN_1945_03_15 = '330602194503150511';

function compile(schema: object, today: string) {
  const ajv = new Ajv({ allErrors: true });
  for (const definition of ageFromIdKeywords(() => today)) ajv.addKeyword(definition);
  return ajv.compile(schema);
}

describe('minAgeFromId / maxAgeFromId', () => {
  it('requires the minimum age, reached on the birthday itself', () => {
    const validate = compile({ type: 'string', minAgeFromId: 80 }, '2025-03-14');
    expect(validate(BORN_1945_03_15)).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({
      keyword: 'minAgeFromId',
      message: '申请人须年满80周岁（按身份证号码计算现为79周岁）',
      params: { limit: 80, age: 79 },
    });
    expect(compile({ type: 'string', minAgeFromId: 80 }, '2025-03-15')(BORN_1945_03_15)).toBe(true);
  });

  it('caps the age with maxAgeFromId', () => {
    const validate = compile({ type: 'string', maxAgeFromId: 59 }, '2005-03-15');
    expect(validate(BORN_1945_03_15)).toBe(false);
    expect(validate.errors?.[0]?.message).toBe('申请人年龄不得超过59周岁（按身份证号码计算现为60周岁）');
    expect(compile({ type: 'string', maxAgeFromId: 59 }, '2005-03-14')(BORN_1945_03_15)).toBe(true);
  });

  it('names the subject given by ageSubject', () => {
    const validate = compile({ type: 'string', minAgeFromId: 90, ageSubject: '老人' }, '2026-01-01');
    validate(BORN_1945_03_15);
    expect(validate.errors?.[0]?.message).toMatch(/^老人须年满90周岁/);
  });

  it('leaves invalid ID numbers to the format keyword', () => {
    expect(compile({ type: 'string', minAgeFromId: 80 }, '2026-01-01')('330602194503150512')).toBe(true);
  });

  it('rejects a non-integer limit when the schema is compiled', () => {
    expect(() => compile({ type: 'string', minAgeFromId: 'eighty' }, '2026-01-01')).toThrow(/minAgeFromId/);
    expect(() => compile({ type: 'string', minAgeFromId: 80.5 }, '2026-01-01')).toThrow(/minAgeFromId/);
  });
});
