import { describe, expect, it } from 'vitest';
import { explainCnMobile, isCnMobile } from './cn-mobile.ts';

describe('cn-mobile', () => {
  it('accepts 11-digit numbers on the 13x to 19x networks', () => {
    for (const n of ['13800138000', '15957512345', '16612345678', '17712345678', '18612345678', '19912345678']) {
      expect(isCnMobile(n), n).toBe(true);
    }
  });

  it('rejects other prefixes, lengths and spellings', () => {
    for (const n of ['12345678901', '10086123456', '1380013800', '138001380001', '138-0013-8000', '+8613800138000', '1380013800a', '']) {
      expect(isCnMobile(n), n).toBe(false);
    }
  });

  it('explains what is wrong', () => {
    expect(explainCnMobile('13800138000')).toBeNull();
    expect(explainCnMobile('+8613800138000')).toMatch(/\+86/);
    expect(explainCnMobile('138 0013 8000')).toMatch(/不含空格/);
    expect(explainCnMobile('1380013800')).toBe('应为11位，实际10位');
    expect(explainCnMobile('12345678901')).toMatch(/号段无效/);
    expect(explainCnMobile('1380013800a')).toBe('应只含数字');
  });
});
