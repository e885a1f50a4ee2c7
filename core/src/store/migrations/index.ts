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
];
