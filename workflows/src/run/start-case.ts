// Starting a case: the initial state for the core's input, with the effects its entry asked for
// (e.g. an immediate item's clock starts at reception).
import type { Effect } from '@bianmin/contract';
import type { CaseMachine } from '../compiler/build-machine.ts';
import type { CaseInput } from '../context.ts';
import type { PersistedCase } from './persisted-case.ts';
import { drainEffects } from './persisted-case.ts';
import { inertScope } from './inert-scope.ts';
import { stateValueToPath } from './state-path.ts';

export interface StartedCase {
  snapshot: PersistedCase;
  stateValue: string;
  effects: Effect[];
}

export function startCase(machine: CaseMachine, input: CaseInput): StartedCase {
  let started: PersistedCase;
  try {
    const initial = machine.getInitialSnapshot(inertScope(machine, { input }), input);
    if (initial.status === 'error') throw new Error('machine error');
    started = machine.getPersistedSnapshot(initial) as PersistedCase;
  } catch (error) {
    throw new Error(`the case could not start: ${(error as Error).message}`);
  }
  const { snapshot, effects } = drainEffects(started);
  return { snapshot, stateValue: stateValueToPath(snapshot.value), effects };
}
