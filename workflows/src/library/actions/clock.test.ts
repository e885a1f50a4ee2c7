import { describe, expect, it } from 'vitest';
import type { ClockState } from '../../context.ts';
import { contextFromInput } from '../../context.ts';
import { baseInput } from '../../../test/case-driver.ts';
import { pauseClock, resumeClock, startClock, stopClock } from './clock.ts';

const at = (clock: ClockState) => ({ ...contextFromInput(baseInput), clock });
const event = { type: 'X' };

describe('clock actions', () => {
  it('move the clock and ask the core to record the move', () => {
    expect(startClock.run({ context: at('idle'), event, params: { reason: 'acceptance' } })).toEqual({
      clock: 'running', pendingEffects: [{ type: 'clock', op: 'start', reason: 'acceptance' }],
    });
    expect(pauseClock.run({ context: at('running'), event, params: undefined })).toEqual({
      clock: 'paused', pendingEffects: [{ type: 'clock', op: 'pause' }],
    });
    expect(resumeClock.run({ context: at('paused'), event, params: undefined }).clock).toBe('running');
    expect(stopClock.run({ context: at('paused'), event, params: undefined }).clock).toBe('stopped');
  });

  it('ask nothing when the move does not apply', () => {
    expect(pauseClock.run({ context: at('idle'), event, params: undefined })).toEqual({});
    expect(resumeClock.run({ context: at('running'), event, params: undefined })).toEqual({});
    expect(startClock.run({ context: at('stopped'), event, params: undefined })).toEqual({});
    expect(stopClock.run({ context: at('idle'), event, params: undefined })).toEqual({});
  });
});
