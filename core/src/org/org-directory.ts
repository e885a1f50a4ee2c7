// Organisations change rarely and are read on every request (scope, routing), so they are held in
// memory and reloaded after every change through the admin API.
import type { Knex } from 'knex';
import { ancestry, listOrgs, scopeOf, type Organisation } from './org-store.ts';

export class OrgDirectory {
  #orgs: Organisation[] = [];
  #byId = new Map<string, Organisation>();

  constructor(private readonly db: Knex) {}

  async reload(): Promise<void> {
    this.#orgs = await listOrgs(this.db);
    this.#byId = new Map(this.#orgs.map((o) => [o.id, o]));
  }

  all(): Organisation[] {
    return this.#orgs;
  }

  get(id: string): Organisation | undefined {
    return this.#byId.get(id);
  }

  /** The organisation and all below it. */
  scope(orgId: string): Set<string> {
    return scopeOf(this.#orgs, orgId);
  }

  /** The organisation and its ancestors, nearest first. */
  chain(orgId: string): Organisation[] {
    return ancestry(this.#orgs, orgId);
  }
}
