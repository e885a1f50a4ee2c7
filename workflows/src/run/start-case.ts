// Starting a case: the initial state for the core's input, with the effects its entry asked for
// (e.g. an immediate item's clock starts at reception).
import type { Effect } from '../../../core/src/contract/index.ts';
import { createActor } from 'xstate';
import type { CaseMachine } from '../compiler/build-machine.ts';
import type { CaseInput } from '../context.ts';
import type { PersistedCase } from './persisted-case.ts';
import { drainEffects } from './persisted-case.ts';
import { stateValueToPath } from './state-path.ts';

export interface StartedCase {
  snapshot: PersistedCase;
  stateValue: string;
  effects: Effect[];
}

export function startCase(machine: CaseMachine, input: CaseInput): StartedCase {
  let failure: unknown;
  const actor = createActor(machine, { input });
  actor.subscribe({ error: (error) => { failure = error; } });
  actor.start();
  const started = actor.getPersistedSnapshot() as PersistedCase;
  actor.stop();
  if (started.status === 'error' || failure !== undefined) {
    throw new Error(`the case could not start: ${(failure as Error | undefined)?.message ?? 'machine error'}`);
  }
  const { snapshot, effects } = drainEffects(started);
  return { snapshot, stateValue: stateValueToPath(snapshot.value), effects };
}
