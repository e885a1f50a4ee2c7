// Supervision of service (好差评, rectification, complaints, call-backs, refusal reports, 办不成事).
export type { OrgLookup, StaffUser, SupervisionDeps } from './supervision-deps.ts';
export * from './evaluation-options.ts';
export { evaluationOpen, evaluationState, listEvaluations, pendingEvaluation, recordEvaluation, requestEvaluation, type EvaluationInput, type EvaluationQuery } from './evaluations.ts';
export { countRectifications, getRectification, listRectifications, sendRectificationEvent, type RectificationQuery, type RectificationView } from './rectifications.ts';
export { RECTIFICATION_EVENTS, RECTIFICATION_STATUSES, STATUS_LABELS, EVENT_LABELS } from './rectification-flow.ts';
export { DEFAULT_SETTINGS, readSettings, writeSettings, type OwnSettings, type SupervisionSettings } from './supervision-settings.ts';
export { sweepSupervision } from './supervision-sweeper.ts';
export {
  countPendingRefusals, getRefusalReport, listRefusalReports, refusalReviewHook, requestCountersignature, reviewRefusal, REFUSAL_EVENTS, REFUSAL_STATUS_LABELS,
  type RefusalQuery, type RefusalReportView,
} from './refusal-reports.ts';
export {
  COMPLAINT_EVENTS, COMPLAINT_SOURCES, COMPLAINT_STATUSES, COMPLAINT_STATUS_LABELS, REPLY_METHODS, SUBJECT_KINDS, complaintRegister, countOpenComplaints,
  getComplaint, listComplaints, recordComplaint, sendComplaintEvent, type ComplaintQuery, type ComplaintView, type NewComplaint,
} from './complaints.ts';
export { callbackSample, listCallbacks, recordCallback, MAX_SAMPLE, type CallInput } from './callbacks.ts';
export {
  answerUnresolvedRequest, countOpenRequests, getUnresolvedRequest, listUnresolvedRequests, recordUnresolvedRequest, type NewUnresolvedRequest,
} from './unresolved-requests.ts';
export { ROLLUP_COUNTERS, type RollupCounter } from './rollups.ts';
export { ratesOf, STATS_GROUPS, supervisionStats, type StatsGroup, type StatsQuery, type SupervisionRates } from './supervision-stats.ts';
export { centreSummary } from './centre-summary.ts';
export { supervisionWork, type SupervisionTask } from './supervision-work.ts';
