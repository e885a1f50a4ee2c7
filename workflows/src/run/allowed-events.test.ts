import { describe, expect, it } from 'vitest';
import { compileProcedure } from '../compiler/compile.ts';
import { approver, baseInput, clerk, supervisor } from '../../test/case-driver.ts';
import { allowedEvents } from './allowed-events.ts';
import { startCase } from './start-case.ts';
import { sendEvent } from './send-event.ts';

describe('allowedEvents', () => {
  const { machine } = compileProcedure({ kind: 'immediate' });
  const { snapshot } = startCase(machine, baseInput);

  it('lists what the user may send now, including events whose payload is still to be written', () => {
    expect(allowedEvents(machine, snapshot, clerk).sort()).toEqual(['ACCEPT', 'REFER', 'REFUSE', 'REQUEST_CORRECTION', 'WITHDRAW']);
    expect(allowedEvents(machine, snapshot, approver)).toEqual([]);
    expect(allowedEvents(machine, snapshot, supervisor)).toEqual([]);
  });

  it('evaluates context guards for real (ACCEPT waits for the materials)', () => {
    const missing = startCase(machine, { ...baseInput, missing: ['idCard'] }).snapshot;
    expect(allowedEvents(machine, missing, clerk)).not.toContain('ACCEPT');
  });

  it('asks only about the candidates given', () => {
    expect(allowedEvents(machine, snapshot, clerk, ['ACCEPT', 'SEAL'])).toEqual(['ACCEPT']);
  });

  it('answers for the state the case is in now, not one asked about before', () => {
    expect(allowedEvents(machine, snapshot, clerk)).toContain('ACCEPT');
    const accepted = sendEvent(machine, snapshot, { type: 'ACCEPT', actor: clerk, payload: {}, at: '2025-06-02T02:00:00Z' });
    expect(accepted.accepted).toBe(true);
    expect(allowedEvents(machine, accepted.snapshot, clerk)).not.toContain('ACCEPT');
    expect(allowedEvents(machine, snapshot, clerk)).toContain('ACCEPT');
  });
});
