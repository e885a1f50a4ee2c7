// Reads one plugin package from disk: package.json, its manifest (JSON, or a module whose default
// export came from definePlugin), the items folder, the optional code module and scenario fixtures.
// Reading never throws: what cannot be read becomes a problem naming the file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ItemDefinition, PluginCode, PluginManifest, Scenario } from '@bianmin/contract';
import type { PluginProblem } from './problem.ts';

export interface ItemSource {
  item: ItemDefinition;
  /** File the item came from and its pointer inside it (for problems). */
  file: string;
  pointer: string;
}

export interface ScenarioSource {
  scenario: Scenario;
  file: string;
}

export interface PluginPackage {
  name: string;
  version: string;
  dir: string;
  manifestFile: string;
  manifest: PluginManifest;
  items: ItemSource[];
  code: PluginCode;
  scenarioFiles: string[];
}

export type ReadResult = { ok: true; plugin: PluginPackage } | { ok: false; name: string; problems: PluginProblem[] };

function readJsonFile(file: string, problems: PluginProblem[], rel: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push({ file: rel, pointer: '', message: `不是合法的 JSON：${(err as Error).message}` });
    return undefined;
  }
}

async function importModule(file: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

function listJson(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f)) : [];
}

/** `$schema` tells an editor how to check an item.json; it is not part of the definition (nor its hash). */
function withoutEditorHint(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value) || !('$schema' in value)) return value;
  const { $schema: _hint, ...rest } = value as Record<string, unknown>;
  return rest;
}

export async function readPluginPackage(dir: string): Promise<ReadResult> {
  const problems: PluginProblem[] = [];
  const rel = (file: string) => relative(process.cwd(), file) || file;
  const pkgFile = join(dir, 'package.json');
  const pkg = readJsonFile(pkgFile, problems, rel(pkgFile)) as
    | { name?: string; version?: string; bianmin?: { manifest?: string; itemsDir?: string; code?: string } }
    | undefined;
  const name = pkg?.name ?? dir;
  if (!pkg) return { ok: false, name, problems };
  const field = pkg.bianmin;
  if (!field || typeof field !== 'object' || typeof field.manifest !== 'string') {
    problems.push({ file: rel(pkgFile), pointer: '/bianmin/manifest', message: 'package.json 缺少 "bianmin": { "manifest": "…" } 字段' });
    return { ok: false, name, problems };
  }
  const manifestFile = join(dir, field.manifest);
  let manifestValue: unknown;
  let code: PluginCode = {};
  if (!existsSync(manifestFile)) {
    problems.push({ file: rel(pkgFile), pointer: '/bianmin/manifest', message: `清单文件 ${field.manifest} 不存在` });
  } else if (manifestFile.endsWith('.json')) {
    manifestValue = readJsonFile(manifestFile, problems, rel(manifestFile));
  } else {
    try {
      const mod = await importModule(manifestFile);
      manifestValue = mod.default ?? mod.plugin;
      code = (manifestValue ?? {}) as PluginCode;
    } catch (err) {
      problems.push({ file: rel(manifestFile), pointer: '', message: `清单模块加载失败：${(err as Error).message}` });
    }
  }
  if (field.code) {
    const codeFile = join(dir, field.code);
    try {
      const mod = await importModule(codeFile);
      code = { ...code, ...((mod.default ?? mod.plugin ?? mod) as PluginCode) };
    } catch (err) {
      problems.push({ file: rel(codeFile), pointer: '', message: `插件代码加载失败：${(err as Error).message}` });
    }
  }
  if (problems.length > 0 || !manifestValue || typeof manifestValue !== 'object') {
    if (problems.length === 0) problems.push({ file: rel(manifestFile), pointer: '', message: '清单必须是对象' });
    return { ok: false, name, problems };
  }
  const manifest = manifestValue as PluginManifest;
  const items: ItemSource[] = (Array.isArray(manifest.items) ? manifest.items : []).map((item, i) => ({
    item,
    file: rel(manifestFile),
    pointer: `/items/${i}`,
  }));
  const scenarioFiles = listJson(join(dir, 'test', 'cases'));
  if (field.itemsDir) {
    const itemsDir = join(dir, field.itemsDir);
    const folders = existsSync(itemsDir) ? readdirSync(itemsDir).sort().map((f) => join(itemsDir, f)).filter((f) => statSync(f).isDirectory()) : [];
    for (const folder of folders) {
      const file = join(folder, 'item.json');
      if (!existsSync(file)) {
        problems.push({ file: rel(folder), pointer: '', message: '事项目录缺少 item.json' });
        continue;
      }
      const item = readJsonFile(file, problems, rel(file));
      if (item !== undefined) items.push({ item: withoutEditorHint(item) as ItemDefinition, file: rel(file), pointer: '' });
      scenarioFiles.push(...listJson(join(folder, 'test', 'cases')));
    }
  }
  if (problems.length > 0) return { ok: false, name, problems };
  return {
    ok: true,
    plugin: { name, version: pkg.version ?? '0.0.0', dir, manifestFile: rel(manifestFile), manifest: { ...manifest, items: items.map((s) => s.item) }, items, code, scenarioFiles },
  };
}

export function readScenario(file: string): { scenario?: Scenario; problem?: PluginProblem } {
  try {
    return { scenario: JSON.parse(readFileSync(file, 'utf8')) as Scenario };
  } catch (err) {
    return { problem: { file, pointer: '', message: `不是合法的 JSON：${(err as Error).message}` } };
  }
}
