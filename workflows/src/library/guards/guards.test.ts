import { describe, expect, it } from 'vitest';
import { contextFromInput } from '../../context.ts';
import { baseInput, clerk } from '../../../test/case-driver.ts';
import { hasPayload } from './has-payload.ts';
import { hasRole } from './has-role.ts';
import { materialsComplete } from './materials-complete.ts';
import { atDecidingLevel, belowDecidingLevel } from './deciding-level.ts';

const context = contextFromInput(baseInput);

describe('library guards', () => {
  it('hasRole: one of the roles, and never without a user', () => {
    const params = { roles: ['clerk', 'agent'] };
    expect(hasRole.check({ context, event: { type: 'ACCEPT', actor: clerk }, params })).toBe(true);
    expect(hasRole.check({ context, event: { type: 'ACCEPT', actor: { ...clerk, roles: ['approver'] } }, params })).toBe(false);
    expect(hasRole.check({ context, event: { type: 'ACCEPT' }, params })).toBe(false);
    expect(hasRole.checkParams?.({ roles: [] })).toMatch(/non-empty/);
  });

  it('hasPayload: each field present and filled; probes pass', () => {
    const params = { fields: ['reason'] };
    const check = (payload?: Record<string, unknown>) => hasPayload.check({ context, event: { type: 'REFUSE', ...(payload ? { payload } : {}) }, params });
    expect(check({ reason: '不符合条件' })).toBe(true);
    expect(check({ reason: '' })).toBe(false);
    expect(check({ reason: [] })).toBe(false);
    expect(check()).toBe(false);
    expect(hasPayload.check({ context, event: { type: 'DECIDE', payload: { approved: false } }, params: { fields: ['approved'] } })).toBe(true);
    expect(hasPayload.check({ context, event: { type: 'REFUSE', probe: true }, params })).toBe(true);
  });

  it('materialsComplete: only waivable materials may still be missing', () => {
    expect(materialsComplete.check({ context: { ...context, missing: ['a'], waivable: ['a'] }, event: { type: 'ACCEPT' }, params: undefined })).toBe(true);
    expect(materialsComplete.check({ context: { ...context, missing: ['a', 'b'], waivable: ['a'] }, event: { type: 'ACCEPT' }, params: undefined })).toBe(false);
  });

  it('atDecidingLevel / belowDecidingLevel compare the level holding the case', () => {
    const atVillage = { ...context, currentLevel: 'village' as const };
    const event = { type: 'REPORT' };
    expect(belowDecidingLevel.check({ context: atVillage, event, params: { level: 'township' } })).toBe(true);
    expect(atDecidingLevel.check({ context: atVillage, event, params: { level: 'township' } })).toBe(false);
    expect(belowDecidingLevel.check({ context, event, params: { level: 'township' } })).toBe(false);
    expect(atDecidingLevel.check({ context, event, params: { level: 'township' } })).toBe(true);
  });
});
