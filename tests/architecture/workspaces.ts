// The npm workspaces of the repository, as the root package.json lists them ("dir" or "dir/*").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Workspace {
  name: string;
  dir: string;
  pkg: PackageJson;
}

export interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  workspaces?: string[];
}

export function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

export function workspaces(root: string): Workspace[] {
  const dirs = (readPackageJson(root).workspaces ?? []).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    return readdirSync(parent).sort().map((name) => join(parent, name));
  });
  return dirs.filter((dir) => existsSync(join(dir, 'package.json'))).map((dir) => {
    const pkg = readPackageJson(dir);
    return { name: pkg.name, dir, pkg };
  });
}
