import { describe, expect, it } from 'vitest';
import { checkSchemaCompiles, createFormValidator } from './create-form-validator.ts';

describe('patterns run in linear time (RE2)', () => {
  const validator = createFormValidator({ logger: false });

  it('checks a catastrophic-backtracking pattern on a long value at once', () => {
    // In a backtracking engine `^(a+)+$` on 30 a's and a '!' takes seconds, doubling per character.
    const validate = validator.compileForm({ type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } });
    const t0 = performance.now();
    for (const n of [30, 40, 5000]) expect(validate({ code: `${'a'.repeat(n)}!` })).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(validate({ code: 'aaaa' })).toEqual([]);
  });

  it('keeps JavaScript syntax working: \\u escapes, \\d, classes', () => {
    const validate = validator.compileForm({ type: 'object', properties: { name: { type: 'string', pattern: '^[\\u4e00-\\u9fa5]{2,4}$' }, n: { type: 'string', pattern: '^\\d{4}$' } } });
    expect(validate({ name: '张三', n: '2025' })).toEqual([]);
    expect(validate({ name: 'Zhang', n: '20x5' }).map((e) => e.pointer).sort()).toEqual(['/n', '/name']);
  });

  it('refuses at compilation what RE2 cannot run in linear time (look-arounds, back-references)', () => {
    for (const pattern of ['^(?=a)a$', '^(a)\\1$']) {
      const problems = checkSchemaCompiles({ type: 'object', properties: { x: { type: 'string', pattern } } });
      expect(problems.length, pattern).toBeGreaterThan(0);
    }
  });
});
