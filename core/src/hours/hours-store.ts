// Stored hours: one row per organisation that sets its own; the others keep those of the nearest
// organisation up the chain that does (a township's villages, until they set theirs), else the default.
import { readJson, writeJson, type Sql } from '../store/index.ts';
import type { Organisation } from '../org/index.ts';
import { DEFAULT_HOURS, type ServiceHours } from './service-hours.ts';

export interface HoursLookup {
  chain(orgId: string): Organisation[];
}

export interface StoredHours {
  hours: ServiceHours;
  /** The organisation whose hours these are; null: the default. */
  from: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export async function readHours(sql: Sql, orgs: HoursLookup, orgId: string): Promise<StoredHours> {
  const chain = orgs.chain(orgId).map((o) => o.id);
  if (chain.length === 0) return { hours: DEFAULT_HOURS, from: null, updatedAt: null, updatedBy: null };
  const rows = await sql.all<{ org_id: string; config: unknown; updated_at: string; updated_by: string | null }>(
    `select org_id, config, updated_at, updated_by from service_hours where org_id in (${chain.map(() => '?').join(', ')})`,
    chain,
  );
  for (const id of chain) {
    const row = rows.find((r) => r.org_id === id);
    if (row) return { hours: { ...DEFAULT_HOURS, ...readJson<ServiceHours>(row.config) }, from: id, updatedAt: row.updated_at, updatedBy: row.updated_by };
  }
  return { hours: DEFAULT_HOURS, from: null, updatedAt: null, updatedBy: null };
}

export async function saveHours(sql: Sql, orgId: string, hours: ServiceHours, userId: string, at: Date): Promise<void> {
  await sql.run(
    `insert into service_hours (org_id, config, updated_by, updated_at) values (?, ?, ?, ?)
     on conflict (org_id) do update set config = excluded.config, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [orgId, writeJson(hours), userId, at.toISOString()],
  );
}
