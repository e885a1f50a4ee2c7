import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatChineseDateTime } from './chinese-date.ts';

describe('dates as documents write them (Beijing time)', () => {
  it('writes the Beijing day, which after 16:00 UTC is the next one', () => {
    expect(formatChineseDate('2026-11-23T15:59:00Z')).toBe('2026年11月23日');
    expect(formatChineseDate('2026-11-23T16:00:00Z')).toBe('2026年11月24日');
    expect(formatChineseDate('2025-12-31T16:30:00.000Z')).toBe('2026年1月1日');
  });

  it('writes hours without padding and minutes with two digits', () => {
    expect(formatChineseDateTime('2026-11-23T06:05:00Z')).toBe('2026年11月23日14时05分');
    expect(formatChineseDateTime('2026-11-23T16:30:00Z')).toBe('2026年11月24日0时30分');
  });

  it('refuses what is not a date', () => {
    expect(() => formatChineseDate('yesterday')).toThrow(RangeError);
  });
});
