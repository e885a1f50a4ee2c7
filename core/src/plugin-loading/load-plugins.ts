// Loads every discovered plugin, refusing each bad one with its problems while the rest load.
import type { DeliveryModeDefinition, PluginCode, PluginManifest, SealDefinition } from '@bianmin/contract';
import { checkItem, type ItemCheckContext } from './check-item.ts';
import { checkItemShape, checkManifestShape } from './check-schema.ts';
import type { PluginLocation } from './discover.ts';
import { namespacedCode } from './namespaced-code.ts';
import type { PluginProblem } from './problem.ts';
import { readPluginPackage, type ItemSource } from './read-package.ts';

export interface LoadedPlugin {
  name: string;
  version: string;
  dir: string;
  origin: PluginLocation['origin'];
  manifest: PluginManifest;
  items: ItemSource[];
  code: PluginCode;
  scenarioFiles: string[];
}

export interface RefusedPlugin {
  name: string;
  dir: string;
  origin: PluginLocation['origin'];
  problems: PluginProblem[];
}

export interface PluginLoadReport {
  loaded: LoadedPlugin[];
  refused: RefusedPlugin[];
}

export interface LoadContext {
  /** Seals and delivery modes known outside the plugins (the database registries, built-ins). */
  sealCodes: Iterable<string>;
  deliveryModeCodes: Iterable<string>;
  /** The built-in delivery modes' codes: a plugin's mode may not shadow one. */
  builtinDeliveryModeCodes?: Iterable<string>;
  /** Items known outside the plugins (admin-composed), for bundle references. */
  itemCodes?: Iterable<string>;
  checkFormSchema: ItemCheckContext['checkFormSchema'];
  checkProcedure: ItemCheckContext['checkProcedure'];
}

export async function loadPlugins(locations: PluginLocation[], ctx: LoadContext): Promise<PluginLoadReport> {
  const report: PluginLoadReport = { loaded: [], refused: [] };
  const candidates: LoadedPlugin[] = [];
  for (const location of locations) {
    const read = await readPluginPackage(location.dir);
    if (!read.ok) {
      report.refused.push({ name: read.name, dir: location.dir, origin: location.origin, problems: read.problems });
      continue;
    }
    const plugin = { ...read.plugin, code: namespacedCode(read.plugin.manifest.namespace, read.plugin.code) };
    const problems = checkPluginManifest(plugin.manifest, plugin.items, plugin.manifestFile);
    if (problems.length === 0) {
      problems.push(...checkPluginModes(plugin.manifest, plugin.manifestFile, ctx));
      problems.push(...checkPluginItems(plugin.items, plugin.manifest, plugin.code, ctx));
    }
    if (problems.length > 0) report.refused.push({ name: plugin.name, dir: location.dir, origin: location.origin, problems });
    else candidates.push({ ...plugin, origin: location.origin });
  }
  // Bundles may combine items of other plugins: check them once every plugin is read.
  const itemCodes = new Set([...(ctx.itemCodes ?? []), ...candidates.flatMap((p) => p.items.map((s) => s.item.code))]);
  for (const plugin of candidates) {
    const problems = plugin.items.flatMap((source) =>
      (source.item.bundle?.items ?? [])
        .map((code, i) => ({ code, i }))
        .filter(({ code }) => !itemCodes.has(code))
        .map(({ code, i }) => ({ file: source.file, pointer: `${source.pointer}/bundle/items/${i}`, message: `一件事包含的事项 ${code} 不存在` })),
    );
    if (problems.length > 0) report.refused.push({ name: plugin.name, dir: plugin.dir, origin: plugin.origin, problems });
    else report.loaded.push(plugin);
  }
  return report;
}

function checkPluginManifest(manifest: PluginManifest, items: ItemSource[], manifestFile: string): PluginProblem[] {
  // A definePlugin() module carries its code beside the manifest; only the manifest is checked here.
  const { items: _all, actions: _a, guards: _g, validators: _v, ...rest } = manifest as PluginManifest & PluginCode;
  const inline = items.filter((s) => s.file === manifestFile);
  const problems: PluginProblem[] = checkManifestShape({ ...rest, items: inline.map((s) => s.item) }).map((p) => ({ file: manifestFile, ...p }));
  for (const source of items.filter((s) => s.file !== manifestFile)) {
    problems.push(...checkItemShape(source.item).map((p) => ({ file: source.file, pointer: source.pointer + p.pointer, message: p.message })));
  }
  const seen = new Map<string, string>();
  for (const source of items) {
    const key = source.item?.code;
    if (!key) continue;
    if (seen.has(key)) problems.push({ file: source.file, pointer: `${source.pointer}/code`, message: `事项编码 ${key} 与 ${seen.get(key)} 重复` });
    seen.set(key, source.file + source.pointer);
  }
  return problems;
}

/**
 * A plugin's own delivery modes: each fields schema is checked as a form's is (strict keywords, formats,
 * references — a broken one made the server fail at start), and no mode takes a built-in mode's code.
 */
function checkPluginModes(manifest: PluginManifest, file: string, ctx: LoadContext): PluginProblem[] {
  const builtin = new Set(ctx.builtinDeliveryModeCodes ?? []);
  const problems: PluginProblem[] = [];
  (manifest.deliveryModes ?? []).forEach((mode: DeliveryModeDefinition, i: number) => {
    if (builtin.has(mode.code)) problems.push({ file, pointer: `/deliveryModes/${i}/code`, message: `送达方式 ${mode.code} 与内置送达方式同名，请另取编码` });
    for (const p of ctx.checkFormSchema(mode.fieldsSchema)) problems.push({ file, pointer: `/deliveryModes/${i}/fieldsSchema${p.pointer}`, message: p.message });
  });
  return problems;
}

function checkPluginItems(items: ItemSource[], manifest: PluginManifest, code: PluginCode, ctx: LoadContext): PluginProblem[] {
  const sealCodes = new Set([...ctx.sealCodes, ...(manifest.seals ?? []).map((s: SealDefinition) => s.code)]);
  const deliveryModeCodes = new Set([...ctx.deliveryModeCodes, ...(manifest.deliveryModes ?? []).map((d: DeliveryModeDefinition) => d.code)]);
  return items.flatMap((source) =>
    checkItem(source.item, { sealCodes, deliveryModeCodes, code, checkFormSchema: ctx.checkFormSchema, checkProcedure: ctx.checkProcedure }).map(
      (p) => ({ file: source.file, pointer: source.pointer + p.pointer, message: p.message }),
    ),
  );
}
