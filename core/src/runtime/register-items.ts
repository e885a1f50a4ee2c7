// Feeds the registry: every loaded plugin's items (recorded in the database so pinned versions
// outlive the plugin), then the administrators' published items from the database. A plugin whose
// item version clashes with different content already registered is refused, not half-loaded.
import type { Knex } from 'knex';
import type { PluginLoadReport } from '../plugin-loading/index.ts';
import { definitionHash, listStoredDefinitions, recordPublishedDefinition, type ItemRegistry } from '../registry/index.ts';

export async function registerItems(db: Knex, registry: ItemRegistry, report: PluginLoadReport, now: Date): Promise<void> {
  const stored = await listStoredDefinitions(db);
  const storedHash = new Map(stored.map((s) => [`${s.definition.code}@${s.definition.version}`, definitionHash(s.definition)]));
  const loaded = report.loaded.splice(0);
  for (const plugin of loaded) {
    const source = `plugin:${plugin.name}@${plugin.version}`;
    const clashes = plugin.items
      .filter((s) => {
        const key = `${s.item.code}@${s.item.version}`;
        const hash = definitionHash(s.item);
        const inMemory = registry.get(s.item.code, s.item.version);
        return (inMemory && inMemory.hash !== hash) || (storedHash.has(key) && storedHash.get(key) !== hash);
      })
      .map((s) => ({ file: s.file, pointer: `${s.pointer}/version`, message: `事项 ${s.item.code} 的 ${s.item.version} 版已以不同内容登记；修改内容须提升版本号` }));
    if (clashes.length > 0) {
      report.refused.push({ name: plugin.name, dir: plugin.dir, origin: plugin.origin, problems: clashes });
      continue;
    }
    for (const s of plugin.items) {
      registry.register(s.item, source, plugin.code);
      await recordPublishedDefinition(db, s.item, source, now);
    }
    report.loaded.push(plugin);
  }
  // Admin items, and plugin versions no longer shipped: cases pinned to them must keep running.
  for (const s of stored) {
    if (s.status === 'published' && !registry.get(s.definition.code, s.definition.version)) registry.register(s.definition, s.source);
  }
}
