// What the statistics, ledgers and reports need from the rest of the core, as narrow interfaces.
import type { Knex } from 'knex';
import type { ProcedureKind } from '@bianmin/contract';
import type { WorkingCalendar } from '../calendar/index.ts';
import type { Organisation } from '../org/index.ts';
import type { OutboxLease } from '../outbox/index.ts';
import type { WebhookTarget } from './webhooks.ts';

export interface StatsOrgs {
  all(): Organisation[];
  get(id: string): Organisation | undefined;
  /** The organisation and all below it. */
  scope(orgId: string): Set<string>;
  /** The organisation and its ancestors, nearest first. */
  chain(orgId: string): Organisation[];
}

/** What the statistics read of an item (the newest version when none is named). */
export interface StatsItem {
  name: string;
  department: string;
  kind: ProcedureKind;
  /** 即办件: the minutes it should be done in (default 60). */
  targetMinutes: number;
}

export interface StatsDeps {
  db: Knex;
  orgs: StatsOrgs;
  calendar(): WorkingCalendar;
  item(code: string, version?: string): StatsItem | undefined;
  now(): Date;
  /** Where case milestones are pushed, and the outbox worker their rows are leased to. */
  webhooks?: { targets: readonly WebhookTarget[]; lease: OutboxLease };
}
