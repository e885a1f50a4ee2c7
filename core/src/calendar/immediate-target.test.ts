import { describe, expect, it } from 'vitest';
import { minutesTarget } from './immediate-target.ts';

const receivedAt = new Date('2025-03-03T09:00:00+08:00');
const plus = (minutes: number): Date => new Date(receivedAt.getTime() + minutes * 60_000);

describe('immediate items: the 60-minute target', () => {
  it('counts down from receipt with no warning inside the hour', () => {
    const target = minutesTarget(receivedAt, plus(45));
    expect(target).toEqual({ targetAt: plus(60), minutesElapsed: 45, minutesLeft: 15, exceeded: false });
    expect(minutesTarget(receivedAt, plus(60)).exceeded).toBe(false);
  });

  it('warns once past the target', () => {
    const justPast = minutesTarget(receivedAt, plus(60.5));
    expect(justPast.exceeded).toBe(true);
    expect(Object.is(justPast.minutesLeft, -0)).toBe(false);
    expect(minutesTarget(receivedAt, plus(90))).toMatchObject({ minutesElapsed: 90, minutesLeft: -30, exceeded: true });
  });

  it('takes an item-specific target', () => {
    expect(minutesTarget(receivedAt, plus(25), 20).exceeded).toBe(true);
    expect(() => minutesTarget(receivedAt, plus(1), 0)).toThrow(RangeError);
  });
});
