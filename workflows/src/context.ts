// The machine context of a case as the workflows see it: the contract's CaseContext plus the few
// core fields the standard machines need to decide on their own (levels, waivable materials,
// clock), so that no guard has to ask the core anything while an event is processed.
import type { CaseContext, CaseEvent, Level } from '@bianmin/contract';

export interface OrgRef {
  id: string;
  level: Level;
}

/** Where the case's deadline clock stands; clock actions only emit effects that change it. */
export type ClockState = 'idle' | 'running' | 'paused' | 'stopped';

export interface WorkflowContext extends CaseContext {
  /** The receiving organisation first, then its ancestors nearest first; REPORT climbs it. */
  orgPath: OrgRef[];
  /** Level of `currentOrgId`. */
  currentLevel: Level;
  /** Material ids that may be owed after acceptance (容缺); `missing` may keep these at ACCEPT. */
  waivable: string[];
  clock: ClockState;
  /** Organ a referred case was sent to (告知谁办). */
  referredTo?: string;
}

/** What the core passes to start a case (`createActor(machine, { input })`). */
export interface CaseInput {
  caseId: string;
  itemCode: string;
  itemVersion: string;
  data: Record<string, unknown>;
  receivingOrgId: string;
  receivingLevel: Level;
  /** Ancestors of the receiving organisation, nearest first; needed by reported items only. */
  parentOrgs?: OrgRef[];
  /** Material ids not provided at reception (missing or waived). */
  missing?: string[];
  /** Material ids that may be supplied after acceptance (容缺). */
  waivable?: string[];
  vars?: Record<string, unknown>;
}

/**
 * An event as the machine receives it. `probe` marks the events `allowedEvents` sends to
 * `snapshot.can()`: payload guards pass for them, because a list of actions is asked before
 * the user has filled in a reason.
 */
export interface WorkflowEvent extends CaseEvent {
  probe?: boolean;
}

export function contextFromInput(input: CaseInput): WorkflowContext {
  return {
    caseId: input.caseId,
    itemCode: input.itemCode,
    itemVersion: input.itemVersion,
    data: input.data,
    receivingOrgId: input.receivingOrgId,
    currentOrgId: input.receivingOrgId,
    missing: [...(input.missing ?? [])],
    signatures: [],
    vars: { ...(input.vars ?? {}) },
    pendingEffects: [],
    orgPath: [{ id: input.receivingOrgId, level: input.receivingLevel }, ...(input.parentOrgs ?? [])],
    currentLevel: input.receivingLevel,
    waivable: [...(input.waivable ?? [])],
    clock: 'idle',
  };
}
