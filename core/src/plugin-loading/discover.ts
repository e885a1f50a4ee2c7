// Where plugins come from: the `plugins/` workspaces, installed npm packages carrying the
// `bianmin-plugin` keyword and a "bianmin" field, and the BIANMIN_PLUGINS folders (each a plugin
// package or a folder of them). A package seen twice (a workspace is also linked into
// node_modules) is loaded once.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface PluginLocation {
  dir: string;
  origin: 'workspace' | 'npm' | 'folder';
}

export function isPluginPackage(dir: string, requireKeyword = false): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    const text = readFileSync(file, 'utf8');
    // Most of node_modules is not a plugin: a package.json without the word is not parsed at all.
    if (requireKeyword && !text.includes('bianmin-plugin')) return false;
    const pkg = JSON.parse(text);
    if (!pkg || typeof pkg.bianmin !== 'object') return false;
    return !requireKeyword || (Array.isArray(pkg.keywords) && pkg.keywords.includes('bianmin-plugin'));
  } catch {
    // An unreadable package.json is still a plugin candidate when it sits in a plugin folder:
    // the loader will refuse it with the parse error rather than silently skip it.
    return !requireKeyword;
  }
}

function subdirs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isDirectory());
}

function npmPackages(nodeModules: string): string[] {
  return subdirs(nodeModules).flatMap((dir) => (dir.split('/').pop()!.startsWith('@') ? subdirs(dir) : [dir]));
}

export interface DiscoverOptions {
  /** Repository root holding `plugins/` and `node_modules/`. */
  root: string;
  /** Extra folders (BIANMIN_PLUGINS). */
  folders?: string[];
  /** Skip the shipped `plugins/` workspaces and npm packages (tests loading one folder). */
  onlyFolders?: boolean;
}

export function discoverPlugins(options: DiscoverOptions): PluginLocation[] {
  const found: PluginLocation[] = [];
  if (!options.onlyFolders) {
    for (const dir of subdirs(join(options.root, 'plugins'))) if (existsSync(join(dir, 'package.json'))) found.push({ dir, origin: 'workspace' });
    for (const dir of npmPackages(join(options.root, 'node_modules'))) if (isPluginPackage(dir, true)) found.push({ dir, origin: 'npm' });
  }
  for (const folder of options.folders ?? []) {
    if (!existsSync(folder)) continue;
    if (existsSync(join(folder, 'package.json'))) found.push({ dir: folder, origin: 'folder' });
    else for (const dir of subdirs(folder)) if (existsSync(join(dir, 'package.json'))) found.push({ dir, origin: 'folder' });
  }
  const seen = new Set<string>();
  return found.filter((p) => {
    const real = realpathSync(p.dir);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

export function pluginFoldersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.BIANMIN_PLUGINS ?? '').split(':').filter(Boolean);
}
