// Where the plugins a server would load next to the one in hand are found: the npm workspace root
// holding the plugin (this repository's plugins/ and node_modules, or an author's own monorepo),
// else the plugin's own folder, whose node_modules holds the catalogue packages it installed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function hostRoot(pluginDir: string): string {
  for (let dir = dirname(pluginDir); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    try {
      if (Array.isArray(JSON.parse(readFileSync(file, 'utf8')).workspaces)) return dir;
    } catch {
      // An unreadable package.json further up is not ours to judge.
    }
  }
  return pluginDir;
}
