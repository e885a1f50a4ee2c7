// What supervision needs from the rest of the core, as narrow interfaces: the organisation tree
// (held in memory by the runtime's directory), the store, the clock and the public address.
import type { Knex } from 'knex';
import type { Role } from '@bianmin/contract';
import type { Organisation } from '../org/index.ts';

export interface OrgLookup {
  get(id: string): Organisation | undefined;
  /** The organisation and all below it. */
  scope(orgId: string): Set<string>;
  /** The organisation and its ancestors, nearest first. */
  chain(orgId: string): Organisation[];
}

export interface SupervisionDeps {
  db: Knex;
  orgs: OrgLookup;
  now(): Date;
  /** Base of the links printed on QR codes and sent in messages. */
  publicBaseUrl: string;
  /** An item's name for lists and printouts. */
  itemName(code: string): string;
}

/** The signed-in member of staff acting on a supervision record. */
export interface StaffUser {
  id: string;
  name: string;
  roles: readonly Role[];
  orgId: string;
  windowId?: string | null;
}
