// Exactly the checks the server runs when it loads a plugin (loadPlugins with the same form and
// procedure checks), for one plugin folder: `bianmin plugin check` prints them. What the server knows
// from its database differs: seals come only from the plugin itself (a document naming a township's
// seal by code is refused here, use sealKind instead) and delivery modes are the built-in ones plus
// the plugin's own.
import { createFormValidator } from '@bianmin/forms';
import { ItemRuntime } from '../cases/item-runtime.ts';
import { builtinDeliveryModes } from '../delivery/builtin-modes.ts';
import { loadPlugins, type LoadedPlugin, type PluginProblem } from '../plugin-loading/index.ts';
import { itemChecks } from './item-checks.ts';

export interface PluginFolderCheck {
  /** Empty when the server would load the plugin. */
  problems: PluginProblem[];
  /** Set when the plugin loads. */
  plugin?: LoadedPlugin;
}

/** `itemCodes`: the items of the other plugins a server would load next to it, for bundles. */
export async function checkPluginFolder(dir: string, itemCodes: ReadonlySet<string> = new Set()): Promise<PluginFolderCheck> {
  const report = await loadPlugins([{ dir, origin: 'folder' }], {
    sealCodes: [],
    deliveryModeCodes: builtinDeliveryModes.map((m) => m.code),
    itemCodes,
    ...itemChecks(new ItemRuntime(createFormValidator({ logger: false })), { compileForms: true }),
  });
  const refused = report.refused[0];
  return refused ? { problems: refused.problems } : { problems: [], plugin: report.loaded[0]! };
}
