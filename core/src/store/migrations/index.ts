// The ordered list of migrations. Listed explicitly (not read from a folder) so they load the same
// under tsx, vitest and a bundler.
import type { Knex } from 'knex';
import * as foundation from './0001_foundation.ts';
import * as cases from './0002_cases.ts';
import * as calendar from './0003_calendar.ts';
import * as seals from './0004_seals.ts';
import * as deliveryNotify from './0005_delivery_notify.ts';
import * as unfiredDeadlines from './0006_unfired_deadlines_index.ts';
import * as instanceSecret from './0010_instance_secret.ts';
import * as caseQueue from './0011_case_queue.ts';
import * as relayedQueueIndex from './0012_relayed_queue_index.ts';
import * as openCaseTallies from './0013_open_case_tallies.ts';
import * as sealScope from './0020_seal_scope.ts';
import * as accountsSecurity from './0030_accounts_security.ts';
import * as auditLog from './0031_audit_log.ts';
import * as evaluationChannels from './0040_evaluation_channels.ts';
import * as rectifications from './0041_rectifications.ts';
import * as complaints from './0042_complaints.ts';
import * as callbacks from './0043_callbacks.ts';
import * as refusalsAndRequests from './0044_refusals_and_requests.ts';
import * as supervisionRollups from './0045_supervision_rollups.ts';
import * as inboxLinks from './0046_inbox_links.ts';
import * as evaluationRequests from './0047_evaluation_requests.ts';
import * as caseStatistics from './0050_case_statistics.ts';
import * as monthlyReports from './0051_monthly_reports.ts';
import * as caseExportIndex from './0052_case_export_index.ts';
import * as serviceHours from './0060_service_hours.ts';
import * as appointments from './0061_appointments.ts';
import * as queueTickets from './0062_queue_tickets.ts';
import * as queueLedger from './0063_queue_ledger.ts';
import * as materialScans from './0070_material_scans.ts';

export interface Migration {
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
}

export const MIGRATIONS: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_foundation', foundation],
  ['0002_cases', cases],
  ['0003_calendar', calendar],
  ['0004_seals', seals],
  ['0005_delivery_notify', deliveryNotify],
  ['0006_unfired_deadlines_index', unfiredDeadlines],
  ['0010_instance_secret', instanceSecret],
  ['0011_case_queue', caseQueue],
  ['0012_relayed_queue_index', relayedQueueIndex],
  ['0013_open_case_tallies', openCaseTallies],
  ['0020_seal_scope', sealScope],
  ['0030_accounts_security', accountsSecurity],
  ['0031_audit_log', auditLog],
  ['0040_evaluation_channels', evaluationChannels],
  ['0041_rectifications', rectifications],
  ['0042_complaints', complaints],
  ['0043_callbacks', callbacks],
  ['0044_refusals_and_requests', refusalsAndRequests],
  ['0045_supervision_rollups', supervisionRollups],
  ['0046_inbox_links', inboxLinks],
  ['0047_evaluation_requests', evaluationRequests],
  ['0050_case_statistics', caseStatistics],
  ['0051_monthly_reports', monthlyReports],
  ['0052_case_export_index', caseExportIndex],
  ['0060_service_hours', serviceHours],
  ['0061_appointments', appointments],
  ['0062_queue_tickets', queueTickets],
  ['0063_queue_ledger', queueLedger],
  ['0070_material_scans', materialScans],
];
