import { describe, expect, it } from 'vitest';
import { compileProcedure } from '../compiler/compile.ts';
import { approver, baseInput, clerk, supervisor } from '../test-support/case-driver.ts';
import { allowedEvents } from './allowed-events.ts';
import { startCase } from './start-case.ts';

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
});
