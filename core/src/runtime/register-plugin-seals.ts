// The seals a plugin declares (`seals[]`) are registered for the organisations that will issue its
// documents, so those documents are sealed without a manual step: each seal for the organisations
// its definition names (`orgs`, by code) or else every organisation at the level of the plugin's
// items that name it by code (of all its items when none does), serving those items alone (so it
// never takes over another item's seal). `{org}` in its name is the organisation's name. A seal
// already registered under the code stays as the administrator left it (revoked, or replaced).
import type { Knex } from 'knex';
import type { SealDefinition } from '@bianmin/contract';
import type { Organisation } from '../org/index.ts';
import type { LoadedPlugin } from '../plugin-loading/index.ts';
import { createSeal, drawSealSvg } from '../seals/index.ts';

export interface PluginSealTarget {
  plugin: string;
  seal: SealDefinition;
  org: Organisation;
  name: string;
  itemCodes: string[];
}

/** Where each declared seal belongs; pure, so `plugin check` and the server agree. */
export function pluginSealTargets(plugins: readonly LoadedPlugin[], orgs: readonly Organisation[]): PluginSealTarget[] {
  return plugins.flatMap((plugin) =>
    (plugin.manifest.seals ?? []).flatMap((seal) => {
      const items = plugin.items.map((s) => s.item);
      const naming = items.filter((item) => item.documents.some((d) => d.seal === seal.code));
      const served = naming.length > 0 ? naming : items;
      const levels = new Set(served.map((item) => item.level));
      const targets = seal.orgs ? orgs.filter((o) => seal.orgs!.includes(o.code)) : orgs.filter((o) => levels.has(o.level));
      return targets.map((org) => ({ plugin: plugin.name, seal, org, name: seal.name.replaceAll('{org}', org.name), itemCodes: served.map((item) => item.code) }));
    }),
  );
}

export async function registerPluginSeals(db: Knex, plugins: readonly LoadedPlugin[], orgs: readonly Organisation[], now: Date, log: (message: string) => void): Promise<number> {
  const targets = pluginSealTargets(plugins, orgs);
  if (targets.length === 0) return 0;
  const existing = new Set((await db('seals').whereIn('code', [...new Set(targets.map((t) => t.seal.code))]).select('org_id', 'code')).map((r: { org_id: string; code: string }) => `${r.org_id}\n${r.code}`));
  let created = 0;
  for (const t of targets) {
    if (existing.has(`${t.org.id}\n${t.seal.code}`)) continue;
    const spec = { name: t.name, kind: t.seal.kind, ...(t.seal.purpose ? { purpose: t.seal.purpose } : {}) };
    try {
      drawSealSvg(spec);
      await createSeal(db, { orgId: t.org.id, code: t.seal.code, ...spec, itemCodes: t.itemCodes }, now.toISOString());
      created += 1;
    } catch (err) {
      log(`${t.plugin} 的印章 ${t.seal.code} 未能为 ${t.org.name} 登记：${(err as Error).message}`);
    }
  }
  return created;
}
