// The shapes a plugin's code sees at run time: the case context its actions and guards read,
// the events they receive and the effects they may ask for. Machines are pure, so an action
// never performs I/O: it returns context changes and effect requests that the core carries out.
import type { DocumentKind, Level, Role } from './manifest.generated.ts';
import type { Problem } from './problem.ts';

/** Who sends an event. */
export interface Actor {
  userId: string;
  roles: Role[];
  orgId: string;
  orgLevel: Level;
}

export interface CaseEvent {
  type: string;
  payload?: Record<string, unknown>;
  actor?: Actor;
  /** ISO time the engine assigned to the event (the machine never reads a clock). */
  at?: string;
}

export interface Signature {
  role: Role;
  userId: string;
  at: string;
}

/** The machine context of a case. `vars` belongs to plugins; the rest is the core's. */
export interface CaseContext {
  caseId: string;
  itemCode: string;
  itemVersion: string;
  data: Record<string, unknown>;
  receivingOrgId: string;
  /** Organisation whose queue holds the case now (the deciding one while reported). */
  currentOrgId: string;
  /** Material ids still missing: asked for in a one-time notice, or waived (容缺) and owed. */
  missing: string[];
  signatures: Signature[];
  outcome?: 'approved' | 'denied' | 'refused' | 'referred' | 'withdrawn';
  /** Last reason or opinion given (refusal, denial, approval opinion, referral). */
  note?: string;
  vars: Record<string, unknown>;
  /** Effects asked for by the last step; the engine drains them after each event. */
  pendingEffects: Effect[];
}

/** What an action may ask the core to do after (or, for clock and routing, within) the transaction. */
export type Effect =
  | { type: 'issueDocument'; kind: DocumentKind }
  | { type: 'notify'; template: string; to: 'applicant' | 'staff' }
  | { type: 'clock'; op: 'start' | 'pause' | 'resume' | 'stop'; reason?: string }
  | { type: 'route'; to: 'parent' | 'receiving' | 'level' | 'down'; level?: Level }
  | { type: 'plugin'; name: string; payload?: Record<string, unknown> };

export interface ActionArgs {
  context: CaseContext;
  event: CaseEvent;
  params?: Record<string, unknown>;
}

export interface ActionResult {
  /** Merged into `context.vars`. */
  set?: Record<string, unknown>;
  effects?: Effect[];
}

export type PluginAction = (args: ActionArgs) => ActionResult | void;
export type PluginGuard = (args: ActionArgs) => boolean;

/** A validator's finding; its pointer is into the form data, e.g. /applicant/idNumber. */
export type ValidationIssue = Problem;
/** Cross-field check of form data that JSON Schema cannot express. */
export type PluginValidator = (data: Record<string, unknown>, ctx: { now: Date }) => Problem[];

/** What a plugin's `code` module exports (default export or named `plugin`). */
export interface PluginCode {
  actions?: Record<string, PluginAction>;
  guards?: Record<string, PluginGuard>;
  validators?: Record<string, PluginValidator>;
}
