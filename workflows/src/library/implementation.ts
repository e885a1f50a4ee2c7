// The shape of a named action or guard in the library: a pure function of the case context, the
// event and the params written in the machine config. Actions return the context fields they
// change; the compiler turns each into an xstate `assign`.
import type { Params } from '../config.ts';
import type { WorkflowContext, WorkflowEvent } from '../context.ts';

export interface ImplementationArgs {
  context: WorkflowContext;
  event: WorkflowEvent;
  params: Params | undefined;
}

export type ContextUpdate = Partial<WorkflowContext>;

export interface LibraryAction {
  run(args: ImplementationArgs): ContextUpdate;
  /** What is wrong with the params a config gives, or undefined; used by the static check. */
  checkParams?(params: Params | undefined): string | undefined;
}

export interface LibraryGuard {
  check(args: ImplementationArgs): boolean;
  checkParams?(params: Params | undefined): string | undefined;
}
