// What the case engine needs from the rest of the core.
import type { Knex } from 'knex';
import type { CalendarService } from '../calendar/index.ts';
import type { DocumentSealing } from '../documents/issuing/document-sealing.ts';
import type { DeliveryModeDefinition } from '@bianmin/contract';
import type { ItemRegistry } from '../registry/index.ts';
import type { Sql } from '../store/index.ts';
import type { OutboxLease } from '../outbox/index.ts';
import type { OrgDirectory } from '../org/index.ts';
import type { ItemRuntime } from './item-runtime.ts';
import type { StepHook } from './step-hooks.ts';
import type { StepWriter } from './step-write.ts';

export interface EngineDeps {
  db: Knex;
  registry: ItemRegistry;
  orgs: OrgDirectory;
  calendar: CalendarService;
  items: ItemRuntime;
  /** Read inside the event's transaction. */
  deliveryMode(sql: Sql, code: string): Promise<DeliveryModeDefinition | undefined>;
  publicBaseUrl: string;
  /** HMAC secret of signed download links (electronic delivery). */
  secret: string;
  /** Key of the applicant ID-number hash (privacy/id-number-hash.ts), from the instance secret. */
  idNumberKey: Buffer;
  now(): Date;
  /** The outbox worker of this process: rows a step writes go to it as their transaction commits. */
  outbox: OutboxLease;
  /** Run inside each staff event's transaction before its writes (step-hooks.ts). */
  stepHooks?: readonly StepHook[];
  /** Write their rows in every step of every case, before its numbers are taken (step-write.ts). */
  stepWriters?: readonly StepWriter[];
  /** Refuses a step whose documents would have no usable seal (none: documents are not sealed). */
  sealing?: Pick<DocumentSealing, 'check' | 'report'> | null;
}
