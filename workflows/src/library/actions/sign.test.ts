import { describe, expect, it } from 'vitest';
import { contextFromInput } from '../../context.ts';
import type { MachineConfigJson } from '../../config.ts';
import { compileProcedure } from '../../compiler/compile.ts';
import { startCase } from '../../run/start-case.ts';
import { sendEvent } from '../../run/send-event.ts';
import { approver, baseInput, clerk } from '../../../test/case-driver.ts';
import { sign } from './sign.ts';

describe('sign — 最多签两次', () => {
  it('appends the signing user in the given capacity, at the event time', () => {
    const context = contextFromInput(baseInput);
    const update = sign.run({ context, event: { type: 'ACCEPT', actor: clerk, at: 'T1' }, params: { role: 'clerk' } });
    expect(update.signatures).toEqual([{ role: 'clerk', userId: clerk.userId, at: 'T1' }]);
  });

  it('refuses a third signature', () => {
    const context = {
      ...contextFromInput(baseInput),
      signatures: [{ role: 'clerk' as const, userId: 'a', at: 'T1' }, { role: 'approver' as const, userId: 'b', at: 'T2' }],
    };
    expect(() => sign.run({ context, event: { type: 'X', actor: approver }, params: { role: 'approver' } }))
      .toThrow(/at most 2 signatures/);
  });

  it('makes the engine refuse an event of an admin-written machine that would sign a third time', () => {
    const signing = (target: string) => ({
      target, guard: { type: 'hasRole', params: { roles: ['clerk', 'approver'] } }, actions: [{ type: 'sign', params: { role: 'clerk' } }],
    });
    const config: MachineConfigJson = {
      id: 'case', initial: 'a',
      states: {
        a: { on: { NEXT: [signing('b')] } },
        b: { on: { NEXT: [signing('c')] } },
        c: { on: { NEXT: [signing('d')] } },
        d: { type: 'final' },
      },
    };
    const { machine } = compileProcedure({ kind: 'immediate', config });
    let snapshot = startCase(machine, baseInput).snapshot;
    snapshot = sendEvent(machine, snapshot, { type: 'NEXT', actor: clerk, at: 'T1' }).snapshot;
    snapshot = sendEvent(machine, snapshot, { type: 'NEXT', actor: approver, at: 'T2' }).snapshot;
    const third = sendEvent(machine, snapshot, { type: 'NEXT', actor: approver, at: 'T3' });
    expect(third).toMatchObject({ accepted: false, stateValue: 'c', changed: false });
    expect(third.error).toMatch(/at most 2 signatures/);
    expect(third.snapshot).toBe(snapshot);
  });
});
