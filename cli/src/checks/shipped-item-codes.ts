// Item codes of the plugins a server would load next to the one being checked (the host's plugins/
// workspaces and installed npm plugins, see host-root.ts), so a bundle (一件事) combining their items
// is not refused by `check` when the server would accept it. Read only, never checked: their problems
// are not ours.
import { realpathSync } from 'node:fs';
import { discoverPlugins, readPluginPackage } from '@bianmin/core/plugin-loading';
import { hostRoot } from '../host-root.ts';

export async function shippedItemCodes(exceptDir: string): Promise<Set<string>> {
  const except = realpathSync(exceptDir);
  const codes = new Set<string>();
  for (const location of discoverPlugins({ root: hostRoot(except) })) {
    if (realpathSync(location.dir) === except) continue;
    const read = await readPluginPackage(location.dir);
    if (read.ok) for (const source of read.plugin.items) if (source.item?.code) codes.add(source.item.code);
  }
  return codes;
}

/** Bundle members that are not items of the plugin itself: they must come from elsewhere. */
export function foreignBundleCodes(items: { code: string; bundle?: { items: string[] } }[]): string[] {
  const own = new Set(items.map((i) => i.code));
  return items.flatMap((i) => i.bundle?.items ?? []).filter((code) => !own.has(code));
}
