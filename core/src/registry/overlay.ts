// A township's overlay over an item it did not author: its own promised days (within the legal
// limit), seals per document, delivery modes, fee note and windows. Stored per organisation and
// item code; villages inherit their township's overlay (the nearest one up the chain wins).
import type { Knex } from 'knex';
import type { DocumentSpec, Fee, ItemDefinition } from '@bianmin/contract';
import { AppError, type ErrorDetail } from '../errors/index.ts';
import { placeholders, readJson, useSql, writeJson, type Sql } from '../store/index.ts';

export interface ItemOverlay {
  promisedDays?: number;
  /** Replaces the seal of the listed document kinds. */
  documents?: DocumentSpec[];
  deliveryModes?: string[];
  fee?: Fee;
  windows?: string[];
}

/** What a case runs with: the item's own settings with the overlay applied. Stored with the case. */
export interface EffectiveSettings {
  promisedDays: number | null;
  documents: DocumentSpec[];
  deliveryModes: string[];
  fee: Fee;
  windows: string[];
  overlayOrgId: string | null;
}

export function basePromisedDays(item: ItemDefinition): number | null {
  if (item.procedure.promisedDays) return item.procedure.promisedDays;
  const limit = item.guide.promisedTimeLimit;
  return limit.unit === 'working-days' && limit.value > 0 ? limit.value : null;
}

export function validateOverlay(
  item: ItemDefinition,
  overlay: ItemOverlay,
  known: { sealCodes: ReadonlySet<string>; deliveryModeCodes: ReadonlySet<string>; windowIds: ReadonlySet<string> },
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const legal = item.guide.legalTimeLimit;
  if (overlay.promisedDays !== undefined) {
    if (item.procedure.kind === 'immediate' || item.procedure.kind === 'returned') {
      problems.push({ pointer: '/promisedDays', message: '即办件和退办件没有承诺办结时限' });
    } else if (legal.unit === 'working-days' && legal.value > 0 && overlay.promisedDays > legal.value) {
      problems.push({ pointer: '/promisedDays', message: `承诺时限不得超过法定时限 ${legal.value} 个工作日` });
    }
  }
  overlay.documents?.forEach((d, i) => {
    if (d.seal && !known.sealCodes.has(d.seal)) problems.push({ pointer: `/documents/${i}/seal`, message: `印章 ${d.seal} 不存在或不属于本单位` });
  });
  overlay.deliveryModes?.forEach((m, i) => {
    if (!known.deliveryModeCodes.has(m)) problems.push({ pointer: `/deliveryModes/${i}`, message: `送达方式 ${m} 不存在` });
  });
  overlay.windows?.forEach((w, i) => {
    if (!known.windowIds.has(w)) problems.push({ pointer: `/windows/${i}`, message: `窗口 ${w} 不存在` });
  });
  return problems;
}

export function applyOverlay(item: ItemDefinition, overlay: ItemOverlay | null, overlayOrgId: string | null): EffectiveSettings {
  const documents = item.documents.map((d) => layered(d, overlay?.documents?.find((o) => o.kind === d.kind)));
  for (const extra of overlay?.documents ?? []) if (!documents.some((d) => d.kind === extra.kind)) documents.push(extra);
  return {
    promisedDays: overlay?.promisedDays ?? basePromisedDays(item),
    documents,
    deliveryModes: overlay?.deliveryModes ?? item.delivery.modes,
    fee: overlay?.fee ?? item.guide.fee,
    windows: overlay?.windows ?? [],
    overlayOrgId: overlay ? overlayOrgId : null,
  };
}

export async function saveOverlay(db: Knex, orgId: string, itemCode: string, overlay: ItemOverlay, userId: string, now = new Date()): Promise<void> {
  await db('item_overlays')
    .insert({ org_id: orgId, item_code: itemCode, overlay: writeJson(overlay), updated_by: userId, updated_at: now.toISOString() })
    .onConflict(['org_id', 'item_code'])
    .merge();
}

/** The overlay nearest to the organisation along its chain (village → township → county). */
export async function findOverlay(source: Knex | Sql, chain: string[], itemCode: string): Promise<{ orgId: string; overlay: ItemOverlay } | null> {
  if (chain.length === 0) return null;
  const query = (sql: Sql) =>
    sql.all<{ org_id: string; overlay: string }>(`select org_id, overlay from item_overlays where item_code = ? and org_id in ${placeholders(chain.length)}`, [itemCode, ...chain]);
  const rows = await useSql(source, query);
  for (const orgId of chain) {
    const row = rows.find((r) => r.org_id === orgId);
    if (row) return { orgId, overlay: readJson<ItemOverlay>(row.overlay) };
  }
  return null;
}

export function assertValidOverlay(problems: ErrorDetail[]): void {
  if (problems.length > 0) throw new AppError('INVALID_OVERLAY', undefined, problems);
}

/**
 * An overlay's document over the item's: its seal (by code or kind) replaces the item's choice, and
 * what it leaves out — the title the item gives its result — stays.
 */
function layered(base: DocumentSpec, over: DocumentSpec | undefined): DocumentSpec {
  if (!over) return base;
  const { seal: _seal, sealKind: _kind, ...rest } = base;
  return { ...(over.seal || over.sealKind ? rest : base), ...over };
}
