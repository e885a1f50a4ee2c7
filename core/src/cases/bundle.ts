// 一件事 bundles: a parent case (the bundle item's own procedure) and the child cases of its items,
// created one after another in the bundle's order — or, when the bundle declares `after`, each as
// soon as the children it depends on have concluded with an approval, side by side (并联审批) — each from the data entered once for the bundle
// (`sharedFields`, `childData`) and from what earlier children produced (the `result` object of
// their APPROVE / DECIDE). The parent concludes when the chain ends: every child concluded, or one
// closed without a result (refused, denied, withdrawn) so the rest cannot follow.
import type { Bundle, ItemDefinition } from '@bianmin/contract';
import jsonpointer from 'jsonpointer';
import { AppError } from '../errors/index.ts';
import { placeholders, readJson, type Sql } from '../store/index.ts';
import { SYSTEM_USER, type CaseEngine } from './case-engine.ts';
import { caseFromRow, type CaseRecord, type MaterialStatus } from './case-record.ts';

const DECISIONS = ['APPROVE', 'DECIDE'];

/** The form data of a bundle's child item, from the bundle's data and earlier children's results. */
export function childFormData(bundle: Bundle, childCode: string, data: Record<string, unknown>, results: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of bundle.sharedFields ?? []) if (data[field] !== undefined) out[field] = structuredClone(data[field]);
  for (const [target, source] of Object.entries(bundle.childData?.[childCode] ?? {})) {
    // Pointers are checked by the manifest schema (sources under /data or /results, targets absolute).
    const value = typeof source === 'string' ? jsonpointer.get({ data, results }, source) : source.value;
    if (value !== undefined) jsonpointer.set(out, target, structuredClone(value));
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
  if (item.bundle.after) {
    await advanceParallel(engine, sql, parent, item);
    return;
  }
  const children = (await sql.all('select * from cases where parent_case_id = ?', [parentId])).map(caseFromRow);
  const ordered = item.bundle.items.map((code) => children.find((c) => c.itemCode === code)).filter((c): c is CaseRecord => Boolean(c));
  if (ordered.some((c) => c.open)) return;
  const last = ordered.at(-1);
  const produced = last && (last.snapshot.context as { outcome?: string }).outcome === 'approved' && last.state === 'concluded';
  if (ordered.length < item.bundle.items.length && (!last || produced)) {
    await createChild(engine, sql, parent, item, ordered.length, ordered);
    return;
  }
  await concludeParent(engine, sql, parentId);
}

async function concludeParent(engine: CaseEngine, sql: Sql, parentId: string): Promise<void> {
  try {
    await engine.send(SYSTEM_USER, parentId, { type: 'CHILDREN_CONCLUDED' }, sql);
  } catch (err) {
    // The parent not yet accepted cannot conclude; it will, after its next event.
    if (!(err instanceof AppError && err.status === 409)) throw err;
  }
}

const approvedChild = (c: CaseRecord | undefined) => c !== undefined && c.state === 'concluded' && (c.snapshot.context as { outcome?: string }).outcome === 'approved';

/**
 * 并联: every child whose prerequisites (`after`) all concluded with an approval and that does not
 * exist yet is created now; a child whose prerequisite closed without a result never starts. When
 * nothing is open and nothing more can start, the parent concludes. Two children of one bundle may
 * conclude in two transactions at once: the parent's row is locked first (PostgreSQL `for update`),
 * so the second sees the first and the parent is told exactly once.
 */
async function advanceParallel(engine: CaseEngine, sql: Sql, parent: CaseRecord, item: ItemDefinition): Promise<void> {
  await engine.load(sql, parent.id, true);
  const children = (await sql.all('select * from cases where parent_case_id = ?', [parent.id])).map(caseFromRow);
  const bundle = item.bundle!;
  const byCode = new Map(children.map((c) => [c.itemCode, c]));
  const ready = bundle.items
    .map((code, index) => ({ code, index }))
    .filter(({ code }) => !byCode.has(code) && (bundle.after?.[code] ?? []).every((dep) => approvedChild(byCode.get(dep))));
  for (const { index } of ready) await createChild(engine, sql, parent, item, index, children.filter(approvedChild));
  if (ready.length > 0 || children.some((c) => c.open)) return;
  await concludeParent(engine, sql, parent.id);
}
