import { describe, expect, it } from 'vitest';
import { cnCreditCodeCheckCharacter, explainCnCreditCode, isCnCreditCode } from './cn-credit-code.ts';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Independent check: weight of position i is 3^i mod 31; check = (31 - sum mod 31) mod 31. */
function withCheck(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const c of first17) {
    sum += CHARSET.indexOf(c) * weight;
    weight = (weight * 3) % 31;
  }
  return first17 + CHARSET[(31 - (sum % 31)) % 31];
}

describe('cn-credit-code (GB 32100-2015)', () => {
  it('accepts the example code given in the standard', () => {
    expect(isCnCreditCode('91350100M000100Y43')).toBe(true);
    expect(cnCreditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('accepts codes whose check character is computed from the weights', () => {
    for (const body of ['12330621002584950', '52330602MJ8765432', '93330621MA2BCDE0X', '92330602MA29XYK1L']) {
      const code = withCheck(body);
      expect(isCnCreditCode(code), code).toBe(true);
      expect(cnCreditCodeCheckCharacter(body)).toBe(code[17]);
    }
  });

  it('produces the check character 0 when the weighted sum is a multiple of 31', () => {
    // Find a body whose sum is ≡ 0 (mod 31) by varying the last position.
    const bodies = [...CHARSET].map((c) => '9133060200000000' + c);
    const zero = bodies.map(withCheck).find((code) => code.endsWith('0'));
    expect(zero).toBeDefined();
    expect(isCnCreditCode(zero!)).toBe(true);
  });

  it('explains each kind of error', () => {
    expect(explainCnCreditCode('91350100M000100Y44')).toBe('校验位错误');
    expect(explainCnCreditCode('91350100M000100Y4')).toBe('应为18位，实际17位');
    expect(explainCnCreditCode('91350100m000100y43')).toBe('字母应为大写');
    expect(explainCnCreditCode('91350100M000100O43')).toMatch(/不允许的字符 "O"/);
    expect(explainCnCreditCode('9135A100M000100Y43')).toMatch(/^第3至8位应为行政区划代码/);
  });
});
