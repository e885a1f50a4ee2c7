// Feeds the registry: every loaded plugin's items (recorded in the database so pinned versions
// outlive the plugin), then the administrators' published items from the database. A plugin whose
// item version clashes with different content already registered is refused, not half-loaded.
// Each definition is hashed once; the stored versions are compared by their hash column (their
// definitions are read only for versions no plugin ships), and the new rows go in one transaction.
import type { Knex } from 'knex';
import type { PluginLoadReport } from '../plugin-loading/index.ts';
import { definitionHash, listStoredVersions, readStoredDefinitions, recordPublishedDefinitions, type ItemRegistry } from '../registry/index.ts';

export async function registerItems(db: Knex, registry: ItemRegistry, report: PluginLoadReport, now: Date): Promise<void> {
  const stored = await listStoredVersions(db);
  const storedHash = new Map(stored.map((s) => [`${s.code}@${s.version}`, s.hash]));
  const toRecord: Parameters<typeof recordPublishedDefinitions>[1][number][] = [];
  const loaded = report.loaded.splice(0);
  for (const plugin of loaded) {
    const source = `plugin:${plugin.name}@${plugin.version}`;
    const hashed = plugin.items.map((s) => ({ ...s, hash: definitionHash(s.item), key: `${s.item.code}@${s.item.version}` }));
    const clashes = hashed
      .filter((s) => {
        const inMemory = registry.get(s.item.code, s.item.version);
        return (inMemory && inMemory.hash !== s.hash) || (storedHash.has(s.key) && storedHash.get(s.key) !== s.hash);
      })
      .map((s) => ({ file: s.file, pointer: `${s.pointer}/version`, message: `事项 ${s.item.code} 的 ${s.item.version} 版已以不同内容登记；修改内容须提升版本号` }));
    if (clashes.length > 0) {
      report.refused.push({ name: plugin.name, dir: plugin.dir, origin: plugin.origin, problems: clashes });
      continue;
    }
    for (const s of hashed) {
      registry.register(s.item, source, plugin.code, s.hash);
      if (!storedHash.has(s.key)) {
        toRecord.push({ definition: s.item, hash: s.hash, source });
        storedHash.set(s.key, s.hash);
      }
    }
    report.loaded.push(plugin);
  }
  await recordPublishedDefinitions(db, toRecord, now);
  // Admin items, and plugin versions no longer shipped: cases pinned to them must keep running.
  const missing = stored.filter((s) => s.status === 'published' && !registry.get(s.code, s.version));
  for (const s of await readStoredDefinitions(db, missing)) registry.register(s.definition, s.source);
}
