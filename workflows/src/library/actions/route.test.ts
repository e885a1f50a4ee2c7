import { describe, expect, it } from 'vitest';
import { contextFromInput } from '../../context.ts';
import { route } from './route.ts';

const context = contextFromInput({
  caseId: 'c', itemCode: 'i', itemVersion: '1.0.0', data: {},
  receivingOrgId: 'village-1', receivingLevel: 'village',
  parentOrgs: [{ id: 'town-1', level: 'township' }, { id: 'county-1', level: 'county' }],
});
const event = { type: 'REPORT' };

describe('route', () => {
  it('moves the case one organisation up the path', () => {
    const up = route.run({ context, event, params: { to: 'parent' } });
    expect(up).toEqual({ currentOrgId: 'town-1', currentLevel: 'township', pendingEffects: [{ type: 'route', to: 'parent' }] });
    const twice = route.run({ context: { ...context, ...up }, event, params: { to: 'parent' } });
    expect(twice).toMatchObject({ currentOrgId: 'county-1', currentLevel: 'county' });
  });

  it('moves the case back to the receiving organisation', () => {
    const atCounty = { ...context, currentOrgId: 'county-1', currentLevel: 'county' as const };
    expect(route.run({ context: atCounty, event, params: { to: 'receiving' } }))
      .toMatchObject({ currentOrgId: 'village-1', currentLevel: 'village' });
  });

  it('fails rather than invent an organisation above the top', () => {
    const atCounty = { ...context, currentOrgId: 'county-1', currentLevel: 'county' as const };
    expect(() => route.run({ context: atCounty, event, params: { to: 'parent' } })).toThrow(/no parent/);
    expect(route.checkParams?.({ to: 'deciding' })).toMatch(/parent, receiving/);
    expect(route.checkParams?.({ to: 'level' })).toMatch(/level/);
  });
});

describe('route to a level and back down', () => {
  it('moves a case received at a village to its county for a county step, and one organisation down again', () => {
    const county = route.run({ context, event, params: { to: 'level', level: 'county' } });
    expect(county).toEqual({ currentOrgId: 'county-1', currentLevel: 'county', pendingEffects: [{ type: 'route', to: 'level', level: 'county' }] });
    const down = route.run({ context: { ...context, ...county }, event, params: { to: 'down' } });
    expect(down).toMatchObject({ currentOrgId: 'town-1', currentLevel: 'township' });
  });

  it('leaves a case where it is when it was received at or above the level', () => {
    expect(route.run({ context, event, params: { to: 'level', level: 'village' } })).toEqual({});
    expect(() => route.run({ context, event, params: { to: 'down' } })).toThrow(/below/);
  });
});
