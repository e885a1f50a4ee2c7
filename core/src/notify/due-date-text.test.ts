import { describe, expect, it } from 'vitest';
import { dueDateText } from './due-date-text.ts';

describe('the due date in a notification', () => {
  it('is the day in China, written year/month/day without leading zeros', () => {
    expect(dueDateText(new Date('2025-06-01T16:00:00Z'))).toBe('2025/6/2');
    expect(dueDateText(new Date('2025-06-01T15:59:59.999Z'))).toBe('2025/6/1');
    expect(dueDateText(new Date('2025-12-31T16:00:00Z'))).toBe('2026/1/1');
  });

  it('reads as zh-CN toLocaleDateString for Asia/Shanghai did, on both sides of every midnight in two years', () => {
    const differing: string[] = [];
    for (let midnight = Date.parse('2024-12-31T16:00:00Z'); midnight < Date.parse('2026-12-31T16:00:00Z'); midnight += 86_400_000) {
      for (const instant of [new Date(midnight - 1), new Date(midnight)]) {
        const expected = instant.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
        if (dueDateText(instant) !== expected) differing.push(`${instant.toISOString()}: ${dueDateText(instant)} ≠ ${expected}`);
      }
    }
    expect(differing).toEqual([]);
  });
});
