import { describe, expect, it } from 'vitest';
import type { Params } from '../../config.ts';
import { buildImplementations } from '../implementations.ts';
import { contextFromInput } from '../../context.ts';
import { baseInput, clerk } from '../../../test/case-driver.ts';

const { guards } = buildImplementations();
const context = contextFromInput(baseInput);

describe('and / not', () => {
  it('combine named guards, given as names or references, nested', () => {
    const clerkWithReason: Params = {
      guards: [{ type: 'hasRole', params: { roles: ['clerk'] } }, { type: 'hasPayload', params: { fields: ['reason'] } }],
    };
    const check = (payload: Record<string, unknown>) =>
      guards.and!.check({ context, event: { type: 'REFUSE', actor: clerk, payload }, params: clerkWithReason });
    expect(check({ reason: '不符合' })).toBe(true);
    expect(check({})).toBe(false);

    expect(guards.not!.check({ context, event: { type: 'X' }, params: { guard: 'sentBySystem' } })).toBe(false);
    expect(guards.not!.check({ context, event: { type: 'X', actor: clerk }, params: { guard: 'sentBySystem' } })).toBe(true);
    expect(guards.and!.check({
      context, event: { type: 'X', actor: clerk }, params: { guards: ['materialsComplete', { type: 'not', params: { guard: 'sentBySystem' } }] },
    })).toBe(true);
  });
});
