import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './masking.ts';

describe('masking personal data', () => {
  it('keeps the first 3 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('33068119800101001X')).toBe('330***********001X');
    expect(maskIdNumber('330681800101001')).toBe('330********1001');
    expect(maskIdNumber(' 33068119800101001x ')).toBe('330***********001x');
    expect(maskIdNumber('12345')).toBe('****5');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(undefined)).toBeNull();
  });

  it('keeps the first 3 and last 4 digits of a mobile number, the area code of a landline', () => {
    expect(maskPhone('13905751234')).toBe('139****1234');
    expect(maskPhone('0575-87000001')).toBe('0575-****0001');
    expect(maskPhone('+86 13905751234')).toBe('+86 139****1234');
    expect(maskPhone('87000001')).toBe('****0001');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('无')).toBe('*');
    expect(maskPhone('')).toBe('');
    expect(maskPhone(null)).toBeNull();
  });

  it('keeps the first character of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName(undefined)).toBeNull();
  });

  it('never leaves the digits of an ID number that matter in the output', () => {
    const masked = maskIdNumber('330681198001010012')!;
    expect(masked).not.toContain('19800101');
    expect(masked).toHaveLength(18);
  });
});
