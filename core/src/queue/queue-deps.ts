// What appointments and the queue need from the rest of the core, as narrow interfaces.
import type { Knex } from 'knex';
import type { Role } from '@bianmin/contract';
import type { CalendarService } from '../calendar/index.ts';
import type { NotificationChannel } from '../notify/index.ts';
import type { Organisation } from '../org/index.ts';
import type { BoardBus } from './board-bus.ts';

export interface QueueOrgs {
  get(id: string): Organisation | undefined;
  scope(orgId: string): Set<string>;
  chain(orgId: string): Organisation[];
}

export interface QueueDeps {
  db: Knex;
  orgs: QueueOrgs;
  calendar: CalendarService;
  now(): Date;
  /** The item's name, or undefined when no such item is published. */
  itemName(code: string): string | undefined;
  /** Channels the day-before reminder goes out on (SMS). */
  channels: readonly NotificationChannel[];
  /** Tells the lobby boards of an organisation that its queue changed. */
  board: BoardBus;
}

/** The signed-in member of staff. */
export interface QueueUser {
  id: string;
  name: string;
  roles: readonly Role[];
  orgId: string;
  windowId?: string | null;
}
