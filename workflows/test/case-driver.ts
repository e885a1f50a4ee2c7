// Test support: drives one case through events the way the engine does (persisted snapshot in,
// persisted snapshot out), collecting the effects. Used by the specifications only.
import type { Actor, Effect, Procedure, Role } from '@bianmin/contract';
import type { CaseInput, WorkflowEvent } from '../src/context.ts';
import type { PluginImplementations } from '../src/library/implementations.ts';
import { compileProcedure } from '../src/compiler/compile.ts';
import type { PersistedCase } from '../src/run/persisted-case.ts';
import { startCase } from '../src/run/start-case.ts';
import { sendEvent, type SentEvent } from '../src/run/send-event.ts';
import { allowedEvents } from '../src/run/allowed-events.ts';

export function user(role: Role, orgId = 'wuxie', orgLevel: Actor['orgLevel'] = 'township'): Actor {
  return { userId: `${role}@${orgId}`, roles: [role], orgId, orgLevel };
}

export const clerk = user('clerk');
export const approver = user('approver');
export const agent = user('agent');
export const supervisor = user('supervisor');

export const baseInput: CaseInput = {
  caseId: 'case-1',
  itemCode: 'demo-item',
  itemVersion: '1.0.0',
  data: { applicant: '张三' },
  receivingOrgId: 'wuxie',
  receivingLevel: 'township',
};

export interface DrivenCase {
  snapshot: PersistedCase;
  state: string;
  effects: Effect[];
  documents: string[];
  /** Every event accepted so far, as the engine would record them. */
  log: WorkflowEvent[];
  send(type: string, actor?: Actor, payload?: Record<string, unknown>): SentEvent;
  actions(actor: Actor): string[];
}

export function driveCase(
  procedure: Procedure, input: Partial<CaseInput> = {}, plugins: PluginImplementations = {},
): DrivenCase {
  const { machine } = compileProcedure(procedure, plugins);
  const started = startCase(machine, { ...baseInput, ...input });
  let minute = 0;
  const driven: DrivenCase = {
    snapshot: started.snapshot,
    state: started.stateValue,
    effects: [...started.effects],
    documents: [],
    log: [],
    send(type, actor, payload) {
      minute += 1;
      const event: WorkflowEvent = {
        type, at: `2025-03-03T09:${String(minute).padStart(2, '0')}:00+08:00`,
        ...(actor ? { actor } : {}), ...(payload ? { payload } : {}),
      };
      const result = sendEvent(machine, driven.snapshot, event);
      if (result.accepted) {
        driven.snapshot = result.snapshot;
        driven.state = result.stateValue;
        driven.effects.push(...result.effects);
        driven.log.push(event);
        for (const effect of result.effects) if (effect.type === 'issueDocument') driven.documents.push(effect.kind);
      }
      return result;
    },
    actions: (actor) => allowedEvents(machine, driven.snapshot, actor),
  };
  return driven;
}

export function clockOps(effects: Effect[]): string[] {
  return effects.flatMap((effect) => (effect.type === 'clock' ? [effect.op] : []));
}
