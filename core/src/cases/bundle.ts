// 一件事 bundles: a parent case (the bundle item's own procedure) and the child cases of its items,
// created one after another in the bundle's order, each from the data entered once for the bundle
// (`sharedFields`, `childData`) and from what earlier children produced (the `result` object of
// their APPROVE / DECIDE). The parent concludes when the chain ends: every child concluded, or one
// closed without a result (refused, denied, withdrawn) so the rest cannot follow.
import type { Bundle, ItemDefinition } from '@bianmin/contract';
import { AppError } from '../errors/index.ts';
import { placeholders, readJson, type Sql } from '../store/index.ts';
import { SYSTEM_USER, type CaseEngine } from './case-engine.ts';
import { caseFromRow, type CaseRecord, type MaterialStatus } from './case-record.ts';

const DECISIONS = ['APPROVE', 'DECIDE'];

function getPointer(source: unknown, pointer: string): unknown {
  let node = source;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

function setPointer(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

/** The form data of a bundle's child item, from the bundle's data and earlier children's results. */
export function childFormData(bundle: Bundle, childCode: string, data: Record<string, unknown>, results: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of bundle.sharedFields ?? []) if (data[field] !== undefined) out[field] = structuredClone(data[field]);
  for (const [target, source] of Object.entries(bundle.childData?.[childCode] ?? {})) {
    const value = typeof source === 'string' ? getPointer({ data, results }, source) : source.value;
    if (value !== undefined) setPointer(out, target, structuredClone(value));
  }
  return out;
}

/** Each child's `result`: the last APPROVE / DECIDE payload's `result` object. */
async function childResults(sql: Sql, children: CaseRecord[]): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const child of children) {
    const row = await sql.first<{ payload: string }>(
      `select payload from case_events where case_id = ? and type in ${placeholders(DECISIONS.length)} order by seq desc limit 1`,
      [child.id, ...DECISIONS],
    );
    const payload = row ? readJson<Record<string, unknown>>(row.payload) : {};
    if (payload.result && typeof payload.result === 'object') results[child.itemCode] = payload.result;
  }
  return results;
}

async function createChild(engine: CaseEngine, sql: Sql, parent: CaseRecord, item: ItemDefinition, index: number, children: CaseRecord[]): Promise<void> {
  const code = item.bundle!.items[index]!;
  const child = engine.item(code).definition;
  const data = childFormData(item.bundle!, code, parent.data, await childResults(sql, children));
  // The bundle's checklist was checked at the window; the child asks for nothing again.
  const materials = Object.fromEntries(child.materials.filter((m) => !m.sharedFrom).map((m) => [m.id, 'provided' as MaterialStatus]));
  try {
    await engine.createIn(sql, null, { itemCode: code, data, materials, applicant: parent.applicant, channel: 'bundle', orgId: parent.receivingOrgId, parentCaseId: parent.id });
  } catch (err) {
    if (err instanceof AppError && err.details) {
      throw new AppError(err.code, `一件事的第 ${index + 1} 项“${child.name}”无法生成：${err.message}`, err.details.map((d) => ({ pointer: `/bundle/${code}${d.pointer}`, message: d.message })));
    }
    throw err;
  }
}

/** Moves a bundle on after any change of the parent or a child: the next child, or the parent's end. */
export async function advanceBundle(engine: CaseEngine, sql: Sql, parentId: string): Promise<void> {
  const parent = await engine.load(sql, parentId);
  // Children follow the parent's acceptance: nothing is sent to departments before it.
  if (!parent?.open || !parent.acceptedAt) return;
  const item = engine.item(parent.itemCode, parent.itemVersion).definition;
  if (!item.bundle) return;
  const children = (await sql.all('select * from cases where parent_case_id = ?', [parentId])).map(caseFromRow);
  const ordered = item.bundle.items.map((code) => children.find((c) => c.itemCode === code)).filter((c): c is CaseRecord => Boolean(c));
  if (ordered.some((c) => c.open)) return;
  const last = ordered.at(-1);
  const produced = last && (last.snapshot.context as { outcome?: string }).outcome === 'approved' && last.state === 'concluded';
  if (ordered.length < item.bundle.items.length && (!last || produced)) {
    await createChild(engine, sql, parent, item, ordered.length, ordered);
    return;
  }
  try {
    await engine.send(SYSTEM_USER, parentId, { type: 'CHILDREN_CONCLUDED' }, sql);
  } catch (err) {
    // The parent not yet accepted cannot conclude; it will, after its next event.
    if (!(err instanceof AppError && err.status === 409)) throw err;
  }
}
