// The persisted snapshot the engine stores per case (xstate's getPersistedSnapshot(), plain
// JSON), and the draining of effects out of it: effects are handed over once, never stored.
import type { Effect } from '../../../core/src/contract/index.ts';
import { createActor } from 'xstate';
import type { Actor, ActorOptions, Snapshot, StateValue } from 'xstate';
import type { CaseMachine } from '../compiler/build-machine.ts';
import type { CaseInput, WorkflowContext } from '../context.ts';

export type PersistedCase = Snapshot<unknown> & {
  value: StateValue;
  context: WorkflowContext;
};

export function drainEffects(snapshot: PersistedCase): { snapshot: PersistedCase; effects: Effect[] } {
  const effects = snapshot.context.pendingEffects;
  if (effects.length === 0) return { snapshot, effects };
  return { snapshot: { ...snapshot, context: { ...snapshot.context, pendingEffects: [] } }, effects };
}

/**
 * An actor resumed from a stored snapshot. xstate's types ask for `input` whenever a machine
 * takes one, even though a restored actor never reads it (the context is in the snapshot).
 */
export function restoreActor(machine: CaseMachine, snapshot: PersistedCase): Actor<CaseMachine> {
  const options: ActorOptions<CaseMachine> = { snapshot };
  return createActor(machine, options as typeof options & { input: CaseInput });
}
