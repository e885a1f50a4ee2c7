import { describe, expect, it } from 'vitest';
import { stateValueToPath } from './state-path.ts';

describe('stateValueToPath', () => {
  it('writes a state value as a dotted path', () => {
    expect(stateValueToPath('received')).toBe('received');
    expect(stateValueToPath({ reviewing: 'siteInspection' })).toBe('reviewing.siteInspection');
    expect(stateValueToPath({ returned: { closed: {} } })).toBe('returned.closed');
  });

  it('refuses parallel values, which a case never has', () => {
    expect(() => stateValueToPath({ a: 'x', b: 'y' })).toThrow(/one state at a time/);
  });
});
