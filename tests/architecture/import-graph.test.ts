// The shape of the code, checked over the import graph (docs/architecture.md §2): no folder imports
// a folder that imports it back, the web app reaches the core only over HTTP, and a plugin depends on
// the contract alone. Folders and packages are discovered, so new ones are held to the same rules.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { folderCycles, importsOf, importSpecifiers, packageOf, sourceFiles } from './source-graph.ts';
import { workspaces } from './workspaces.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const rel = (path: string) => relative(ROOT, path);

describe('folders', () => {
  const roots = workspaces(ROOT).map((w) => join(w.dir, 'src')).filter((dir) => sourceFiles(dir).length > 0);

  it('are checked in every workspace with a src/ (core among them)', () => {
    expect(roots.map(rel)).toEqual(expect.arrayContaining(['core/src', 'forms/src', 'workflows/src', 'contract/src', 'admin-ui/src']));
  });

  it.each(roots.map(rel))('%s has no folder cycle', (dir) => {
    const cycles = folderCycles(join(ROOT, dir)).map((c) => `knot ${c.knot.join(', ')}: ${c.folders.join(' → ')}\n    ${c.evidence.join('\n    ')}`);
    expect(cycles, `folder cycles in ${dir}`).toEqual([]);
  });
});

describe('admin-ui', () => {
  it('imports no core source: it talks to the server over HTTP', () => {
    const reachingCore = sourceFiles(join(ROOT, 'admin-ui')).flatMap((file) =>
      importsOf(file)
        .filter((i) => (i.target ? !relative(join(ROOT, 'core'), i.target).startsWith('..') : packageOf(i.specifier) === '@bianmin/core'))
        .map((i) => `${rel(file)} → ${i.specifier}`),
    );
    expect(reachingCore).toEqual([]);
  });
});

describe('plugins', () => {
  const plugins = workspaces(ROOT).filter((w) => rel(w.dir).startsWith('plugins/'));

  it('are found (the shipped catalogue)', () => {
    expect(plugins.length).toBeGreaterThan(5);
  });

  it.each(plugins.map((p) => [p.name, p] as const))('%s depends on @bianmin/contract alone', (_name, plugin) => {
    const pkg = JSON.parse(readFileSync(join(plugin.dir, 'package.json'), 'utf8'));
    const runtimeDeps = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) => Object.keys(pkg[k] ?? {}));
    expect(runtimeDeps.filter((d) => d !== '@bianmin/contract')).toEqual([]);
    expect(pkg.peerDependencies?.['@bianmin/contract']).toMatch(/^\^1\./);
    const wrong = sourceFiles(plugin.dir).flatMap((file) =>
      importsOf(file)
        .filter((i) => (i.target ? relative(plugin.dir, i.target).startsWith('..') : packageOf(i.specifier) !== undefined && packageOf(i.specifier) !== '@bianmin/contract'))
        .map((i) => `${rel(file)} → ${i.specifier}`),
    );
    expect(wrong).toEqual([]);
  });
});

// The checks above must be able to fail: the same functions over small trees written here.
describe('the checker', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  function tree(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'bianmin-graph-'));
    made.push(root);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  it('finds imports, re-exports, type imports and dynamic imports, not those in comments', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type {\n  B,\n} from '../b/index.ts';",
      "export { c } from '@scope/c/sub';",
      "import 'side-effect';",
      "const d = await import('./d.ts');",
      '// import { e } from "./e.ts";',
      "/* export { f } from './f.ts'; */",
      "const glob = 'src/**/*.ts'; const url = 'http://x//y';",
    ].join('\n');
    expect(importSpecifiers(text).sort()).toEqual(['./a.ts', './d.ts', '../b/index.ts', '@scope/c/sub', 'side-effect'].sort());
    expect(['@scope/c/sub', 'ajv/dist/2020.js', 'node:fs', 'fs/promises'].map(packageOf)).toEqual(['@scope/c', 'ajv', undefined, undefined]);
  });

  it('reports a cycle between sibling folders with the imports that make it', () => {
    const root = tree({
      'cases/engine.ts': "import { Org } from '../org/org.ts';",
      'org/org.ts': "import type { Case } from '../cases/engine.ts';",
      'store/db.ts': '',
    });
    expect(folderCycles(root)).toEqual([{ knot: ['cases', 'org'], folders: ['cases', 'org', 'cases'], evidence: ['cases/engine.ts → ../org/org.ts', 'org/org.ts → ../cases/engine.ts'] }]);
  });

  it('reports a cycle of nested folders and one through three folders', () => {
    const root = tree({
      'documents/render/pdf.ts': "import { n } from '../issuing/number.ts';",
      'documents/issuing/number.ts': "import { p } from '../render/pdf.ts';",
      'a/x.ts': "import '../b/y.ts';",
      'b/y.ts': "import '../c/z.ts';",
      'c/z.ts': "import '../a/x.ts';",
    });
    expect(folderCycles(root).map((c) => c.folders)).toEqual([['a', 'b', 'c', 'a'], ['documents/issuing', 'documents/render', 'documents/issuing']]);
  });

  it('accepts one-way imports and a folder index re-exporting its subfolders', () => {
    const root = tree({
      'documents/index.ts': "export * from './render/pdf.ts'; export * from './issuing/number.ts';",
      'documents/render/pdf.ts': "import { font } from '../../fonts/font.ts'; import { x } from '../shared.ts';",
      'documents/shared.ts': '',
      'documents/issuing/number.ts': "import { pdf } from '../render/pdf.ts';",
      'fonts/font.ts': '',
      'main.ts': "import './documents/index.ts';",
    });
    expect(folderCycles(root)).toEqual([]);
  });

  it('leaves tests out of the cycles: a test may use any folder', () => {
    const root = tree({
      'pieces/applicant.ts': '',
      'pieces/applicant.test.ts': "import { validator } from '../validator/validator.ts';",
      'validator/validator.ts': "import { applicant } from '../pieces/applicant.ts';",
    });
    expect(folderCycles(root)).toEqual([]);
  });
});
