// Exactly the checks the server runs when it loads a plugin (loadPlugins with the same form and
// procedure checks), for one plugin folder. What the server knows from its database differs: seals
// come only from the plugin itself (a document naming a township's seal by code is refused here,
// use sealKind instead) and delivery modes are the built-in ones plus the plugin's own.
import { createFormValidator } from '@bianmin/forms';
import { ItemRuntime } from '../../cases/index.ts';
import { builtinDeliveryModes } from '../../delivery/index.ts';
import { loadPlugins, readPluginPackage, type LoadedPlugin, type PluginPackage, type PluginProblem } from '../../plugin-loading/index.ts';
import { itemChecks } from '../../runtime/item-checks.ts';
import { foreignBundleCodes, shippedItemCodes } from './shipped-item-codes.ts';

export interface LoadTimeCheck {
  problems: PluginProblem[];
  /** Set when the package could be read: its items and fixtures, checked or not. */
  read?: PluginPackage;
  /** Set when the plugin loads. */
  plugin?: LoadedPlugin;
  /** Item codes outside the plugin that its bundles use (the shipped catalogue's). */
  foreignItemCodes: ReadonlySet<string>;
}

export async function loadTimeChecks(dir: string): Promise<LoadTimeCheck> {
  // Read once up front only to learn whether bundles reach outside the plugin.
  const read = await readPluginPackage(dir);
  if (!read.ok) return { problems: read.problems, foreignItemCodes: new Set() };
  const foreign = foreignBundleCodes(read.plugin.items.map((s) => s.item));
  const itemCodes = foreign.length > 0 ? await shippedItemCodes(dir) : new Set<string>();

  const report = await loadPlugins([{ dir, origin: 'folder' }], {
    sealCodes: [],
    deliveryModeCodes: builtinDeliveryModes.map((m) => m.code),
    itemCodes,
    ...itemChecks(new ItemRuntime(createFormValidator({ logger: false }))),
  });
  const refused = report.refused[0];
  if (refused) return { problems: refused.problems, read: read.plugin, foreignItemCodes: itemCodes };
  return { problems: [], read: read.plugin, plugin: report.loaded[0]!, foreignItemCodes: itemCodes };
}
