import { describe, expect, it } from 'vitest';
import { ageOn, cnIdCheckCharacter, explainCnIdNumber, isCnIdNumber, parseCnIdNumber } from './cn-id-number.ts';

/** Builds a valid number from its parts with the check character computed independently below. */
function idNumber(region: string, birth: string, sequence: string): string {
  const body = region + birth + sequence;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

const TODAY = '2026-11-23';

describe('cn-id-number (GB 11643-1999)', () => {
  it('accepts the sample number printed in the standard', () => {
    expect(isCnIdNumber('11010519491231002X', TODAY)).toBe(true);
    expect(parseCnIdNumber('11010519491231002X', TODAY)).toEqual({
      birthDate: '1949-12-31', sex: 'female', regionCode: '110105',
    });
  });

  it('computes the MOD 11-2 check character', () => {
    expect(cnIdCheckCharacter('11010519491231002')).toBe('X');
    expect(cnIdCheckCharacter('44052418800101001')).toBe('4');
    const built = idNumber('330602', '19450315', '051');
    expect(cnIdCheckCharacter(built.slice(0, 17))).toBe(built[17]);
    expect(isCnIdNumber(built, TODAY)).toBe(true);
    expect(parseCnIdNumber(built, TODAY)).toEqual({ birthDate: '1945-03-15', sex: 'male', regionCode: '330602' });
  });

  it('accepts many computed numbers across provinces and dates', () => {
    for (const [region, birth] of [['330621', '20000229'], ['650102', '19001231'], ['820000', '20261123']] as const) {
      expect(isCnIdNumber(idNumber(region, birth, '123'), TODAY), region + birth).toBe(true);
    }
  });

  it('explains each kind of error precisely', () => {
    const good = idNumber('330602', '19450315', '051');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(explainCnIdNumber(wrongCheck, TODAY)).toBe('校验位错误');
    expect(explainCnIdNumber('1101051949123100', TODAY)).toBe('应为18位，实际16位');
    expect(explainCnIdNumber('11010519491231002x', TODAY)).toBe('末位校验码 X 应为大写');
    expect(explainCnIdNumber('1101051949123100AX', TODAY)).toBe('前17位应为数字，末位为数字或大写 X');
    expect(explainCnIdNumber(idNumber('990602', '19450315', '051'), TODAY)).toMatch(/^地区码无效/);
    expect(explainCnIdNumber(idNumber('330602', '19450230', '051'), TODAY)).toBe('出生日期无效：19450230');
    expect(explainCnIdNumber(idNumber('330602', '19230229', '051'), TODAY)).toBe('出生日期无效：19230229');
    // The standard's second sample (born 1880) has a correct check digit but predates 1900.
    expect(explainCnIdNumber('440524188001010014', TODAY)).toBe('出生日期无效：早于1900年');
    expect(explainCnIdNumber(idNumber('330602', '20261124', '051'), TODAY)).toMatch(/晚于当前日期/);
  });

  it('parses to null for invalid numbers', () => {
    expect(parseCnIdNumber('11010519491231002Y', TODAY)).toBeNull();
    expect(parseCnIdNumber('', TODAY)).toBeNull();
  });

  it('reads the sex from the parity of the 17th digit', () => {
    expect(parseCnIdNumber(idNumber('330602', '19450315', '052'), TODAY)?.sex).toBe('female');
    expect(parseCnIdNumber(idNumber('330602', '19450315', '059'), TODAY)?.sex).toBe('male');
  });
});

describe('ageOn', () => {
  const id = idNumber('330602', '19450315', '051');

  it('counts full years, turning older on the birthday itself', () => {
    expect(ageOn(id, '2025-03-14')).toBe(79);
    expect(ageOn(id, '2025-03-15')).toBe(80);
    expect(ageOn(id, '2025-12-31')).toBe(80);
  });

  it('lets someone born on 29 February turn older on 1 March in a common year', () => {
    const leapling = idNumber('330602', '19440229', '051');
    expect(ageOn(leapling, '2024-02-28')).toBe(79);
    expect(ageOn(leapling, '2024-02-29')).toBe(80);
    expect(ageOn(leapling, '2025-02-28')).toBe(80);
    expect(ageOn(leapling, '2026-02-28')).toBe(81);
    expect(ageOn(leapling, '2026-03-01')).toBe(82);
  });

  it('reads a Date instant on the China calendar', () => {
    // 2025-03-14T17:00Z is already 15 March in Shanghai.
    expect(ageOn(id, new Date('2025-03-14T17:00:00Z'))).toBe(80);
    expect(ageOn(id, new Date('2025-03-14T15:00:00Z'))).toBe(79);
  });

  it('refuses invalid numbers and malformed dates with a clear error', () => {
    expect(() => ageOn('110105194912310021', TODAY)).toThrow(/身份证号码无效（校验位错误）/);
    expect(() => ageOn(id, '2025/03/15')).toThrow(/无效的日期/);
    expect(() => ageOn(id, '1940-01-01')).toThrow(/晚于当前日期/);
  });
});
