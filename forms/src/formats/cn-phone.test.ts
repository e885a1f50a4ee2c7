import { describe, expect, it } from 'vitest';
import { explainCnPhone, isCnLandline, isCnPhone } from './cn-phone.ts';

describe('cn-phone', () => {
  it('accepts mobiles and landlines with area code', () => {
    for (const n of ['13800138000', '0575-87654321', '057587654321', '010-65123456', '021-6234567', '0575-87654321-801']) {
      expect(isCnPhone(n), n).toBe(true);
    }
  });

  it('rejects landlines without area code or with a bad local number', () => {
    for (const n of ['87654321', '0575-0765432', '0575-1765432', '0575-876543', '575-87654321', '0575-876543210', '12345', '']) {
      expect(isCnPhone(n), n).toBe(false);
    }
  });

  it('tells landlines apart', () => {
    expect(isCnLandline('0575-87654321')).toBe(true);
    expect(isCnLandline('13800138000')).toBe(false);
  });

  it('explains what is wrong', () => {
    expect(explainCnPhone('0575-87654321')).toBeNull();
    expect(explainCnPhone('0575-123')).toMatch(/区号-号码/);
    expect(explainCnPhone('1380013800')).toMatch(/11位/);
    expect(explainCnPhone('87654321')).toMatch(/带区号的固定电话/);
  });
});
