// The event types a user may send now — the `actions` of the case API. Each candidate is asked
// of the machine with `snapshot.can()`, as a probe event carrying the user but no payload:
// role, organisation, level and material guards are evaluated for real, payload guards
// (hasPayload, decisionApproved) pass for probes, since a reason is written after choosing the
// action. Plugin guards see `event.probe === true` and an empty payload.
import { __unsafe_getAllOwnEventDescriptors as ownEventDescriptors } from 'xstate';
import type { Actor } from '../../../core/src/contract/index.ts';
import type { CaseMachine } from '../compiler/build-machine.ts';
import type { PersistedCase } from './persisted-case.ts';

/** Events only the core sends (the sweeper); never listed for a user. */
const SYSTEM_EVENTS = new Set(['CORRECTION_EXPIRED', 'CHILDREN_CONCLUDED']);

export function allowedEvents(
  machine: CaseMachine,
  persisted: PersistedCase,
  actor: Actor,
  candidateEventTypes: readonly string[] = machine.events.filter((type) => !SYSTEM_EVENTS.has(type)),
): string[] {
  const snapshot = machine.resolveState(persisted);
  if (snapshot.status !== 'active') return [];
  // Only events some active state has a transition for can be taken; asking just those spares
  // most probes (a wildcard descriptor, which the configs do not use, would disable the shortcut).
  const handled = new Set(ownEventDescriptors(snapshot));
  const wildcard = [...handled].some((d) => d.includes('*'));
  return candidateEventTypes.filter((type) => {
    if (!wildcard && !handled.has(type)) return false;
    try {
      return snapshot.can({ type, actor, payload: {}, probe: true });
    } catch {
      return false; // a plugin guard that cannot answer for a probe does not offer its event
    }
  });
}
