// The event types a user may send now — the `actions` of the case API. Each candidate is asked
// of the machine with `snapshot.can()`, as a probe event carrying the user but no payload:
// role, organisation, level and material guards are evaluated for real, payload guards
// (hasPayload, decisionApproved) pass for probes, since a reason is written after choosing the
// action. Plugin guards see `event.probe === true` and an empty payload.
import { __unsafe_getAllOwnEventDescriptors as ownEventDescriptors } from 'xstate';
import type { Actor } from '@bianmin/contract';
import type { CaseMachine } from '../compiler/build-machine.ts';
import type { PersistedCase } from './persisted-case.ts';

/** Events only the core sends (the sweeper); never listed for a user. */
const SYSTEM_EVENTS = new Set(['CORRECTION_EXPIRED', 'CHILDREN_CONCLUDED', 'PUBLICITY_ENDED']);

export function allowedEvents(
  machine: CaseMachine,
  persisted: PersistedCase,
  actor: Actor,
  candidateEventTypes: readonly string[] = machine.events.filter((type) => !SYSTEM_EVENTS.has(type)),
): string[] {
  const snapshot = machine.resolveState(persisted);
  if (snapshot.status !== 'active') return [];
  const handled = handledEvents(machine, persisted, snapshot);
  return candidateEventTypes.filter((type) => {
    if (handled && !handled.has(type)) return false;
    try {
      return snapshot.can({ type, actor, payload: {}, probe: true });
    } catch {
      return false; // a plugin guard that cannot answer for a probe does not offer its event
    }
  });
}

const handledByState = new WeakMap<CaseMachine, Map<string, ReadonlySet<string> | null>>();

/**
 * The event types some active state has a transition for: only those can be taken, and asking just
 * those spares most probes. Null when a wildcard descriptor (which the configs do not use) would
 * match anything. A function of the machine and the state value alone, so kept per state value.
 */
function handledEvents(machine: CaseMachine, persisted: PersistedCase, snapshot: ReturnType<CaseMachine['resolveState']>): ReadonlySet<string> | null {
  let byState = handledByState.get(machine);
  if (!byState) handledByState.set(machine, (byState = new Map()));
  const key = JSON.stringify(persisted.value);
  let handled = byState.get(key);
  if (handled === undefined) {
    const descriptors = new Set(ownEventDescriptors(snapshot));
    handled = [...descriptors].some((d) => d.includes('*')) ? null : descriptors;
    byState.set(key, handled);
  }
  return handled;
}
