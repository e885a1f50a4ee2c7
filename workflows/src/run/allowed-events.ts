// The event types a user may send now — the `actions` of the case API. Each candidate is asked
// of the machine with `snapshot.can()`, as a probe event carrying the user but no payload:
// role, organisation, level and material guards are evaluated for real, payload guards
// (hasPayload, decisionApproved) pass for probes, since a reason is written after choosing the
// action. Plugin guards see `event.probe === true` and an empty payload.
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
  return candidateEventTypes.filter((type) => {
    try {
      return snapshot.can({ type, actor, payload: {}, probe: true });
    } catch {
      return false; // a plugin guard that cannot answer for a probe does not offer its event
    }
  });
}
