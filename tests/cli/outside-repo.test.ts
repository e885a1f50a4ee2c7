// A plugin author outside this repository: the CLI and the contract come as packages (`npm pack` of
// the workspaces), `bianmin plugin new` scaffolds a package in a folder of its own, and that
// package's own `npm run check`, `npm test` and `npm run types` pass once its devDependencies are
// installed — with nothing of the repository on the way but third-party modules (packed-install.ts).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, packWorkspaces, type PackedPackage } from './packed-install.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKSPACES = ['contract', 'forms', 'workflows', 'core', 'cli'];

function run(command: string, args: string[], cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout + stderr });
    });
  });
}

describe('a plugin package outside the repository', () => {
  let home: string;
  let packed: Map<string, PackedPackage>;
  let plugin: string;

  beforeAll(async () => {
    home = realpathSync(mkdtempSync(join(tmpdir(), 'bianmin-author-')));
    expect(relative(REPO_ROOT, home).startsWith('..')).toBe(true);
    packed = packWorkspaces(REPO_ROOT, WORKSPACES, join(home, 'packs'));
    // `npx @bianmin/cli plugin new`: the CLI installed on its own, as npx does into its cache.
    const npx = join(home, 'npx');
    mkdirSync(npx);
    writeFileSync(join(npx, 'package.json'), JSON.stringify({ name: 'npx-cache', version: '1.0.0', private: true }));
    installPacked(npx, { '@bianmin/cli': '*' }, packed, REPO_ROOT);
    const made = await run(join(npx, 'node_modules', '.bin', 'bianmin'), ['plugin', 'new', 'township-affairs', '--dir', home, '--kind', 'reported'], home);
    expect(made.code, made.out).toBe(0);
    plugin = join(home, 'township-affairs');
  }, 120_000);

  afterAll(() => {
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('ships the packages an author installs, each packed from its workspace', () => {
    expect([...packed.keys()].sort()).toEqual(['@bianmin/cli', '@bianmin/contract', '@bianmin/core', '@bianmin/forms', '@bianmin/workflows']);
  });

  it('is scaffolded to depend on the contract alone, with the CLI to develop it', () => {
    const pkg = JSON.parse(readFileSync(join(plugin, 'package.json'), 'utf8'));
    expect(pkg.peerDependencies).toEqual({ '@bianmin/contract': '^1.0.0' });
    expect(pkg.dependencies).toBeUndefined();
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(['@bianmin/cli', '@bianmin/contract']);
    expect(pkg.scripts).toMatchObject({ check: 'bianmin plugin check .', test: 'bianmin plugin test .' });
  });

  describe('once its devDependencies are installed', () => {
    beforeAll(() => {
      const pkg = JSON.parse(readFileSync(join(plugin, 'package.json'), 'utf8'));
      installPacked(plugin, { ...pkg.peerDependencies, ...pkg.devDependencies }, packed, REPO_ROOT);
    });

    it('has every $schema pointing at the contract in its own node_modules', () => {
      const files = ['bianmin.json', 'items/township-affairs-application/item.json', 'items/township-affairs-application/test/cases/happy-path.json'];
      for (const file of files) {
        const ref: string = JSON.parse(readFileSync(join(plugin, file), 'utf8')).$schema;
        const schema = join(plugin, dirname(file), ref);
        expect(relative(join(plugin, 'node_modules', '@bianmin', 'contract', 'schemas'), schema).startsWith('..'), `${file}: ${ref}`).toBe(false);
        expect(existsSync(schema), `${file}: ${ref}`).toBe(true);
      }
    });

    it('passes npm run check, run by the installed CLI', async () => {
      const result = await run('npm', ['run', 'check'], plugin);
      expect(result.code, result.out).toBe(0);
      expect(result.out).toContain('bianmin-plugin-township-affairs@0.1.0：1 个事项，1 个场景用例，检查通过');
    });

    it('passes npm test: the happy path replays in the in-memory runtime', async () => {
      const result = await run('npm', ['test'], plugin);
      expect(result.code, result.out).toBe(0);
      expect(result.out).toContain('1 个场景用例：1 个通过，0 个失败');
    });

    it('writes its form types with npm run types', async () => {
      const result = await run('npm', ['run', 'types'], plugin);
      expect(result.code, result.out).toBe(0);
      expect(readFileSync(join(plugin, 'types', 'forms.ts'), 'utf8')).toContain('export interface TownshipAffairsApplicationFormData');
    });
  });
});
