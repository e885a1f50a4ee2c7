// @bianmin/workflows — the four procedure kinds as JSON XState v5 configs, the named action and
// guard library, the compiler, the static check and the pure run helpers the case engine uses.

// Context, input and events
export type { WorkflowContext, CaseInput, WorkflowEvent, OrgRef, ClockState } from './context.ts';
export { contextFromInput } from './context.ts';

// JSON machine configs
export type { MachineConfigJson, StateJson, TransitionJson, ActionRef, GuardRef, Params, JsonValue } from './config.ts';
export { CASE_MACHINE_ID } from './config.ts';

// Templates
export { templates, templateFor } from './templates/index.ts';
export { immediateTemplate } from './templates/immediate.ts';
export { promisedTemplate, DEFAULT_REVIEW_STEPS, PUBLICITY_ENDED, publicityFlag, isTimedPublicity } from './templates/promised.ts';
export { reportedTemplate, DEFAULT_DECIDING_LEVEL } from './templates/reported.ts';
export { returnedTemplate } from './templates/returned.ts';

// Named library
export { libraryActions, libraryGuards, COMBINATOR_GUARDS, MAX_SIGNATURES } from './library/index.ts';
export { ROLES } from './library/vocabulary.ts';
export type { ImplementationArgs, ContextUpdate, LibraryAction, LibraryGuard } from './library/index.ts';

// Compiler
export { compileProcedure, checkProcedure, MachineCheckError } from './compiler/compile.ts';
export type { CompiledProcedure } from './compiler/compile.ts';
export { buildImplementations, adaptPluginAction, adaptPluginGuard } from './library/implementations.ts';
export type { Implementations, PluginImplementations } from './library/implementations.ts';
export { buildMachine } from './compiler/build-machine.ts';
export type { CaseMachine } from './compiler/build-machine.ts';
export { createMachineCache } from './compiler/machine-cache.ts';
export type { MachineCache } from './compiler/machine-cache.ts';

// Static check
export { checkMachine } from './check/check-machine.ts';

// Run helpers
export { startCase } from './run/start-case.ts';
export type { StartedCase } from './run/start-case.ts';
export { sendEvent } from './run/send-event.ts';
export type { SentEvent } from './run/send-event.ts';
export { allowedEvents } from './run/allowed-events.ts';
export { stateValueToPath } from './run/state-path.ts';
export type { PersistedCase } from './run/persisted-case.ts';
