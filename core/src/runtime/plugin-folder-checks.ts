// Exactly the checks the server runs when it loads a plugin (loadPlugins with the same form and
// procedure checks), for one plugin folder: `bianmin plugin check` prints them. What the server knows
// from its database differs: seals come only from the plugin itself (a document naming a township's
// seal by code is refused here, use sealKind instead) and delivery modes are the built-in ones plus
// the plugin's own.
import type { ItemDefinition } from '@bianmin/contract';
import { createFormValidator } from '@bianmin/forms';
import type { MachineConfigJson, StateJson } from '@bianmin/workflows';
import { ItemRuntime } from '../cases/item-runtime.ts';
import { builtinDeliveryModes } from '../delivery/builtin-modes.ts';
import { loadPlugins, type LoadedPlugin, type PluginProblem } from '../plugin-loading/index.ts';
import { itemChecks } from './item-checks.ts';

export interface PluginFolderCheck {
  /** Empty when the server would load the plugin. */
  problems: PluginProblem[];
  /** Set when the plugin loads. */
  plugin?: LoadedPlugin;
  /** Set when the plugin loads: the events an item's procedure takes (a fixture may send no other). */
  eventTypes?: (item: ItemDefinition) => ReadonlySet<string>;
}

/** `itemCodes`: the items of the other plugins a server would load next to it, for bundles. */
export async function checkPluginFolder(dir: string, itemCodes: ReadonlySet<string> = new Set()): Promise<PluginFolderCheck> {
  const items = new ItemRuntime(createFormValidator({ logger: false }));
  const report = await loadPlugins([{ dir, origin: 'folder' }], {
    sealCodes: [],
    deliveryModeCodes: builtinDeliveryModes.map((m) => m.code),
    builtinDeliveryModeCodes: builtinDeliveryModes.map((m) => m.code),
    itemCodes,
    ...itemChecks(items, { compileForms: true }),
  });
  const refused = report.refused[0];
  if (refused) return { problems: refused.problems };
  const plugin = report.loaded[0]!;
  return { problems: [], plugin, eventTypes: (item) => machineEvents(items.checkProcedure(item.procedure, plugin.code)) };
}

/** Every event type some state of the machine takes, at any depth. */
function machineEvents(config: MachineConfigJson): Set<string> {
  const found = new Set<string>();
  const visit = (state: StateJson) => {
    for (const type of Object.keys(state.on ?? {})) found.add(type);
    for (const child of Object.values(state.states ?? {})) visit(child);
  };
  visit(config);
  return found;
}
