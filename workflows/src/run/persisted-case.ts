// The persisted snapshot the engine stores per case (xstate's getPersistedSnapshot(), plain
// JSON), and the draining of effects out of it: effects are handed over once, never stored.
import type { Effect } from '@bianmin/contract';
import type { Snapshot, StateValue } from 'xstate';
import type { WorkflowContext } from '../context.ts';

export type PersistedCase = Snapshot<unknown> & {
  value: StateValue;
  context: WorkflowContext;
};

export function drainEffects(snapshot: PersistedCase): { snapshot: PersistedCase; effects: Effect[] } {
  const effects = snapshot.context.pendingEffects;
  if (effects.length === 0) return { snapshot, effects };
  return { snapshot: { ...snapshot, context: { ...snapshot.context, pendingEffects: [] } }, effects };
}
