// One event against a stored case: restore, check the machine takes it, send, persist. Pure —
// the engine wraps it in its transaction and refuses (409) what comes back `accepted: false`.
import type { Effect } from '@bianmin/contract';
import type { CaseMachine } from '../compiler/build-machine.ts';
import type { WorkflowContext, WorkflowEvent } from '../context.ts';
import type { PersistedCase } from './persisted-case.ts';
import { drainEffects } from './persisted-case.ts';
import { inertScope } from './inert-scope.ts';
import { stateValueToPath } from './state-path.ts';

export interface SentEvent {
  /** False when no transition of the current state is enabled for the event, or an action refused it. */
  accepted: boolean;
  /** The new snapshot to store (the given one when not accepted); its pendingEffects are empty. */
  snapshot: PersistedCase;
  stateValue: string;
  effects: Effect[];
  /** The state or the context (other than pendingEffects) changed. */
  changed: boolean;
  /** Why an accepted-looking event failed inside an action (e.g. a third signature). */
  error?: string;
}

function sameContext(before: WorkflowContext, after: WorkflowContext): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof WorkflowContext>;
  keys.delete('pendingEffects');
  for (const key of keys) {
    // assign keeps untouched fields by reference; compare the touched ones by value.
    if (before[key] !== after[key] && JSON.stringify(before[key]) !== JSON.stringify(after[key])) return false;
  }
  return true;
}

export function sendEvent(machine: CaseMachine, persisted: PersistedCase, event: WorkflowEvent): SentEvent {
  const stateValue = stateValueToPath(persisted.value);
  const refused = (error?: string): SentEvent => ({
    accepted: false, snapshot: persisted, stateValue, effects: [], changed: false, ...(error ? { error } : {}),
  });
  const { probe: _probe, ...sent } = event;
  // Checking is cheap (no actor); only an event the machine takes pays for restoring one.
  const before = machine.resolveState(persisted);
  if (before.status !== 'active') return refused();
  try {
    if (!before.can(sent)) return refused();
  } catch (error) {
    return refused(`a guard failed: ${(error as Error).message}`); // e.g. a plugin guard that throws
  }

  // Every action is an assign, so the machine's transition computes the whole step without an
  // actor; an action that throws (a third signature) throws here instead of stopping an actor.
  let after: PersistedCase;
  try {
    const next = machine.transition(before, sent, inertScope(machine, { snapshot: persisted }));
    if (next.status === 'error') return refused('the machine failed on this event');
    after = machine.getPersistedSnapshot(next) as PersistedCase;
  } catch (error) {
    return refused((error as Error).message);
  }
  const { snapshot, effects } = drainEffects(after);
  const nextValue = stateValueToPath(snapshot.value);
  return {
    accepted: true,
    snapshot,
    stateValue: nextValue,
    effects,
    changed: nextValue !== stateValue || !sameContext(persisted.context, snapshot.context),
  };
}
