import { describe, expect, it } from 'vitest';
import type { Procedure } from '@bianmin/contract';
import { compileProcedure } from '../compiler/compile.ts';
import { driveCase, user } from '../../test/case-driver.ts';
import type { PersistedCase } from './persisted-case.ts';
import { sendEvent } from './send-event.ts';
import { startCase } from './start-case.ts';

const procedure: Procedure = {
  kind: 'reported',
  decidingLevel: 'county',
  reviewSteps: [],
};
const input = {
  caseId: 'case-9', itemCode: 'old-age-allowance', itemVersion: '2.1.0', data: { age: 81 },
  receivingOrgId: 'shangyuan', receivingLevel: 'village' as const,
  parentOrgs: [{ id: 'wuxie', level: 'township' as const }, { id: 'zhuji', level: 'county' as const }],
  missing: ['hukou'], waivable: ['hukou'],
};

function recordedCase() {
  const c = driveCase(procedure, input);
  c.send('ACCEPT', user('agent', 'shangyuan', 'village'));
  c.send('SUPPLEMENT', user('agent', 'shangyuan', 'village'), { provided: ['hukou'] });
  c.send('REPORT', user('agent', 'shangyuan', 'village'));
  c.send('REPORT', user('clerk', 'wuxie'));
  c.send('DECIDE', user('approver', 'zhuji', 'county'), { approved: true, opinion: '同意' });
  c.send('SEAL', user('approver', 'zhuji', 'county'));
  c.send('DELIVER', user('agent', 'shangyuan', 'village'), { mode: 'door' });
  return c;
}

describe('sendEvent', () => {
  it('is deterministic: replaying the recorded events from the start gives the same snapshot', () => {
    const recorded = recordedCase();
    expect(recorded.state).toBe('concluded');
    const { machine } = compileProcedure(procedure);
    let snapshot = startCase(machine, input).snapshot;
    for (const event of recorded.log) {
      const result = sendEvent(machine, snapshot, event);
      expect(result.accepted).toBe(true);
      snapshot = result.snapshot;
    }
    expect(snapshot).toEqual(recorded.snapshot);
    expect(JSON.stringify(snapshot)).toBe(JSON.stringify(recorded.snapshot));
  });

  it('works from a snapshot that went through JSON storage, which holds no effects', () => {
    const { machine } = compileProcedure({ kind: 'promised' });
    const started = startCase(machine, { ...input, missing: [] });
    const stored = JSON.parse(JSON.stringify(started.snapshot)) as PersistedCase;
    const result = sendEvent(machine, stored, { type: 'ACCEPT', actor: user('clerk', 'shangyuan', 'village'), at: 'T1' });
    expect(result).toMatchObject({ accepted: true, stateValue: 'reviewing.review', changed: true });
    expect(result.effects.map((e) => e.type)).toEqual(['issueDocument', 'notify', 'clock']);
    expect(result.snapshot.context.pendingEffects).toEqual([]);
  });

  it('reports an event that is taken but changes nothing as accepted and unchanged', () => {
    const c = driveCase({ kind: 'immediate' });
    c.send('ACCEPT', user('clerk'));
    const result = c.send('SUPPLEMENT', user('clerk'), { provided: ['not-owed'] });
    expect(result).toMatchObject({ accepted: true, changed: false, stateValue: 'accepted', effects: [] });
  });

  it('does not accept events for a machine that has ended', () => {
    const c = driveCase({ kind: 'immediate' });
    c.send('WITHDRAW', user('clerk'));
    expect(c.snapshot.status).toBe('done');
    expect(c.send('ACCEPT', user('clerk')).accepted).toBe(false);
  });
});

describe('sendEvent with a failing plugin guard', () => {
  it('refuses the event and says why, instead of throwing at the engine', () => {
    const { machine } = compileProcedure({
      kind: 'immediate',
      config: {
        id: 'case', initial: 'a',
        states: { a: { on: { GO: [{ target: 'b', guard: { type: 'demo.broken' } }] } }, b: { type: 'final' } },
      },
    }, { pluginGuards: { 'demo.broken': () => { throw new Error('no registry'); } } });
    const { snapshot } = startCase(machine, input);
    const result = sendEvent(machine, snapshot, { type: 'GO', actor: user('clerk'), at: 'T1' });
    expect(result).toMatchObject({ accepted: false, stateValue: 'a' });
    expect(result.error).toMatch(/no registry/);
  });
});
