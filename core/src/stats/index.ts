// Statistics, ledgers, monthly reports and the data feed of cases (issue 17).
export type { StatsDeps, StatsItem, StatsOrgs } from './stats-deps.ts';
export { foldCaseEvents, type FoldOptions } from './fold-case-events.ts';
export { CASE_STATS_GROUPS, CHANNEL_NAMES, KIND_NAMES, caseStats, statsPeriod, scopedOrg, type CaseFigures, type CaseStats, type CaseStatsGroup, type CaseStatsQuery, type CaseStatsRow } from './case-stats.ts';
export { LEDGER_COLUMNS, ledgerPage, ledgerRows, ledgerScope, shanghaiTime, type LedgerQuery, type LedgerRow, type LedgerScope } from './ledger.ts';
export { draftReport, getReport, listReports, sendReportEvent, REPORT_EVENTS, REPORT_STATUSES, type ReportFigures, type ReportView, type ReportEvent, type ReportStatus } from './monthly-reports.ts';
export { VOLUME_THRESHOLDS, type VolumeThreshold } from './report-thresholds.ts';
export { MILESTONES, signature, webhookHandler, webhooksFromEnv, type Milestone, type WebhookTarget } from './webhooks.ts';
export { exportCases, EXPORT_MAX, type ExportedCase, type ExportQuery } from './case-export.ts';
