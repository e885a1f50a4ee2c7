// Whom supervision addresses: the centre head (中心负责人) of an organisation — the nearest one up
// the chain that has one, since a village station's refusals and rectifications go to its
// township's head when it has none — and the county's supervisors, who receive what is overdue.
// Read on the caller's connection: inside a transaction on SQLite there is no other.
import type { Role } from '@bianmin/contract';
import { readJson, type Sql } from '../store/index.ts';
import type { OrgLookup } from './supervision-deps.ts';

export interface StaffMember {
  id: string;
  name: string;
  orgId: string;
  roles: Role[];
}

async function activeStaff(sql: Sql, orgIds: readonly string[]): Promise<StaffMember[]> {
  if (orgIds.length === 0) return [];
  const rows = await sql.all<{ id: string; name: string; org_id: string; roles: unknown }>(
    `select id, name, org_id, roles from users where active = ? and org_id in (${orgIds.map(() => '?').join(', ')}) order by username`,
    [true, ...orgIds],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, orgId: r.org_id, roles: readJson<Role[]>(r.roles) }));
}

/** The heads of the nearest organisation from `orgId` upwards that has any, with that organisation. */
export async function headsFor(sql: Sql, orgs: OrgLookup, orgId: string): Promise<{ orgId: string; heads: StaffMember[] }> {
  const chain = orgs.chain(orgId);
  const staff = await activeStaff(sql, chain.map((o) => o.id));
  for (const org of chain) {
    const heads = staff.filter((s) => s.orgId === org.id && s.roles.includes('head'));
    if (heads.length > 0) return { orgId: org.id, heads };
  }
  return { orgId, heads: [] };
}

/** Supervisors strictly above `orgId`, nearest organisation first (the county's 督查 for a township). */
export async function supervisorsAbove(sql: Sql, orgs: OrgLookup, orgId: string): Promise<StaffMember[]> {
  const above = orgs.chain(orgId).slice(1);
  const staff = await activeStaff(sql, above.map((o) => o.id));
  for (const org of above) {
    const found = staff.filter((s) => s.orgId === org.id && s.roles.includes('supervisor'));
    if (found.length > 0) return found;
  }
  return [];
}

/** An active member of staff in `scope`, or undefined. */
export async function staffInScope(sql: Sql, userId: string, scope: Set<string>): Promise<StaffMember | undefined> {
  const row = await sql.first<{ id: string; name: string; org_id: string; roles: unknown; active: unknown }>('select id, name, org_id, roles, active from users where id = ?', [userId]);
  if (!row || !row.active || !scope.has(row.org_id)) return undefined;
  return { id: row.id, name: row.name, orgId: row.org_id, roles: readJson<Role[]>(row.roles) };
}
