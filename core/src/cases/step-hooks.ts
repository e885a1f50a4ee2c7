// What other parts of the core may add to a case's step without the engine knowing them: a hook
// runs inside the event's transaction, once the machine took the event and its payload passed,
// before anything is written. Writing rows there makes them part of the step (the supervision
// module records a refusal report); throwing an AppError refuses the event and leaves the case as
// it was (a refusal that needs the centre head's countersignature first). The system's own events
// (sweeper, bundles) do not run hooks.
import type { Actor } from '@bianmin/contract';
import type { Sql } from '../store/index.ts';
import type { CaseUser } from './case-engine.ts';
import type { CaseRecord } from './case-record.ts';

export interface StepHookEvent {
  sql: Sql;
  user: CaseUser;
  actor: Actor;
  /** The case as it was before the event. */
  record: CaseRecord;
  type: string;
  payload: Record<string, unknown>;
  /** The history sequence this event will take. */
  seq: number;
  /** The state the machine moves to. */
  to: string;
  at: Date;
}

export type StepHook = (event: StepHookEvent) => Promise<void>;
