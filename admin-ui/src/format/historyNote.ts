import { m } from '../i18n/index.ts';

/**
 * What a history row says beyond its event: the approver's opinion, a refusal's or denial's reason,
 * the clerk's correction note and the materials it asked for, a decision's outcome, and a
 * conclusion that overrode owed 容缺 materials (the row's 办理人 is who confirmed it).
 */
export function historyNote(payload: Record<string, unknown> | undefined, materialName: (id: string) => string): string {
  if (!payload) return '';
  const parts: string[] = [];
  const text = (k: string) => (typeof payload[k] === 'string' && (payload[k] as string).trim() !== '' ? (payload[k] as string) : undefined);
  const ids = (k: string) => (Array.isArray(payload[k]) ? (payload[k] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
  if (typeof payload.approved === 'boolean') parts.push(payload.approved ? m.casePage.approved : m.casePage.notApproved);
  if (ids('missing').length > 0) parts.push(`${m.casePage.missing}：${ids('missing').map(materialName).join('、')}`);
  if (ids('provided').length > 0) parts.push(`${m.casePage.provided}：${ids('provided').map(materialName).join('、')}`);
  const ground = text('ground');
  if (ground) parts.push(m.casePage.grounds[ground] ?? ground);
  for (const k of ['opinion', 'reason', 'note']) {
    const v = text(k);
    if (v) parts.push(v);
  }
  const to = text('to');
  if (to) parts.push(`${m.casePage.to_}：${to}`);
  if (ids('owedMaterialsOverridden').length > 0) parts.push(m.casePage.owedOverridden(ids('owedMaterialsOverridden').map(materialName).join('、')));
  return parts.join('；');
}
