export { CaseEngine, SYSTEM_USER, type CaseUser, type CreateCaseInput, type SendInput, type StepResult } from './case-engine.ts';
export { caseView, readCaseView, deadlineView, type CaseView, type DeadlineView, type ViewParts } from './case-view.ts';
export { listCases, type CaseQuery } from './case-list.ts';
export { ItemRuntime } from './item-runtime.ts';
export { caseFromRow, type CaseRecord, type Applicant, type MaterialStatus } from './case-record.ts';
export type { EngineDeps } from './engine-deps.ts';
export { isStandardEvent } from './event-payloads.ts';
export { sweepDeadlines, type SweepResult } from './deadline-sweeper.ts';
export { replayCase, type ReplayResult } from './replay.ts';
