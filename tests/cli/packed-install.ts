// Installs the repository's packages into a folder outside it the way `npm install` would lay them
// out, without a network: each @bianmin package from the tarball `npm pack` made of its workspace
// (so only what the package's "files" ship is there), every other dependency it declares linked to
// the copy this repository installed (so a dependency used but not declared is missing, as it would
// be for an author). npm itself cannot do this offline: resolving version ranges needs the
// registry's package documents, which `npm ci` never fetches, and better-sqlite3 would be compiled
// from source again. Bins are linked into node_modules/.bin as npm links them.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import semver from 'semver';

export interface PackedPackage {
  name: string;
  version: string;
  tarball: string;
}

/** `npm pack` of the given workspaces into `destination`. */
export function packWorkspaces(repoRoot: string, workspaces: string[], destination: string): Map<string, PackedPackage> {
  mkdirSync(destination, { recursive: true });
  const args = ['pack', '--json', '--pack-destination', destination, ...workspaces.flatMap((w) => ['--workspace', w])];
  const packed = JSON.parse(execFileSync('npm', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { name: string; version: string; filename: string }[];
  return new Map(packed.map((p) => [p.name, { name: p.name, version: p.version, tarball: join(destination, p.filename) }]));
}

interface Manifest {
  name: string;
  version: string;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/**
 * Installs `wanted` (name → version range) into `projectDir`/node_modules: packed packages and their
 * dependencies, recursively. Throws for a range the packed version does not satisfy and for a
 * dependency this repository does not have.
 */
export function installPacked(projectDir: string, wanted: Record<string, string>, packed: Map<string, PackedPackage>, repoRoot: string): void {
  const modules = join(projectDir, 'node_modules');
  const installed = new Set<string>();
  const install = (name: string, range: string, wantedBy: string) => {
    const target = join(modules, name);
    const pack = packed.get(name);
    if (pack && !semver.satisfies(pack.version, range)) throw new Error(`${wantedBy} wants ${name}@${range}, packed is ${pack.version}`);
    if (installed.has(name)) return;
    installed.add(name);
    mkdirSync(dirname(target), { recursive: true });
    if (!pack) {
      const copy = join(repoRoot, 'node_modules', name);
      if (!existsSync(copy)) throw new Error(`${wantedBy} depends on ${name}, which this repository has not installed`);
      const version = readManifest(copy).version;
      if (!semver.satisfies(version, range)) throw new Error(`${wantedBy} wants ${name}@${range}, this repository has ${version}`);
      symlinkSync(realpathSync(copy), target, 'dir');
      return;
    }
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', pack.tarball, '-C', target, '--strip-components=1']);
    const manifest = readManifest(target);
    for (const [dep, depRange] of Object.entries({ ...manifest.peerDependencies, ...manifest.dependencies })) install(dep, depRange, name);
    for (const [bin, file] of Object.entries(manifest.bin ?? {})) {
      mkdirSync(join(modules, '.bin'), { recursive: true });
      symlinkSync(relative(join(modules, '.bin'), join(target, file)), join(modules, '.bin', bin));
      chmodSync(join(target, file), 0o755);
    }
  };
  for (const [name, range] of Object.entries(wanted)) install(name, range, readManifest(projectDir).name);
}
