// The import graph of the source tree, read from the files' text: every import and re-export,
// `import type` included (a type is a dependency of the design too), and `import('…')` with a
// literal. Comments are removed first so an example in a comment is not an import.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIPPED = new Set(['node_modules', 'dist', '.git', 'data']);

/** Source files under `dir`, skipping node_modules, build output and dot folders. */
export function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || SKIPPED.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

export function isTest(file: string): boolean {
  return /\.test\.[cm]?tsx?$/.test(file);
}

// A comment starts after a blank or at a line's start, so 'src/*' or 'http://…' in a string is not one.
function withoutComments(text: string): string {
  return text.replace(/(^|\s)\/\*[\s\S]*?\*\//g, '$1').replace(/(^|\s)\/\/.*$/gm, '$1');
}

const STATIC = /^\s*(?:import|export)\b[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const BARE = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a source text imports, in order of appearance per kind. */
export function importSpecifiers(text: string): string[] {
  const code = withoutComments(text);
  return [...code.matchAll(STATIC), ...code.matchAll(BARE), ...code.matchAll(DYNAMIC)].map((m) => m[1]!);
}

export interface SourceImport {
  /** The importing file, absolute. */
  file: string;
  specifier: string;
  /** The imported path, absolute, for a relative specifier. */
  target?: string;
}

export function importsOf(file: string): SourceImport[] {
  return importSpecifiers(readFileSync(file, 'utf8')).map((specifier) =>
    specifier.startsWith('.') ? { file, specifier, target: resolve(dirname(file), specifier) } : { file, specifier },
  );
}

/** The npm package a bare specifier names (`@scope/name/sub` → `@scope/name`), or undefined for a builtin. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export interface FolderCycle {
  /** Every folder of the knot (one strongly connected component), relative to the root. */
  knot: string[];
  /** One cycle through it, the first folder repeated at the end. */
  folders: string[];
  /** One import per step of the cycle, `file → specifier`. */
  evidence: string[];
}

/**
 * Folder cycles under `root`, at every level: an import from a/x/f.ts to a/y/g.ts is an edge between
 * the sibling folders a/x and a/y (where the two paths part). Files directly in a folder are its
 * own: an index.ts re-exporting its subfolders is no cycle. Tests are left out: a test is its code's
 * first consumer and may use any folder. A new folder is covered as it appears.
 */
export function folderCycles(root: string, files = sourceFiles(root).filter((f) => !isTest(f))): FolderCycle[] {
  const edges = new Map<string, Map<string, string>>();
  for (const file of files) {
    for (const imp of importsOf(file)) {
      if (!imp.target) continue;
      const from = relative(root, file).split(sep);
      const to = relative(root, imp.target).split(sep);
      if (to[0] === '..') continue;
      let i = 0;
      while (i < from.length - 1 && i < to.length - 1 && from[i] === to[i]) i += 1;
      // Parted where both are still folders (neither side is the file itself).
      if (i >= from.length - 1 || i >= to.length - 1) continue;
      const a = from.slice(0, i + 1).join('/');
      const b = to.slice(0, i + 1).join('/');
      if (!edges.has(a)) edges.set(a, new Map());
      if (!edges.get(a)!.has(b)) edges.get(a)!.set(b, `${relative(root, file)} → ${imp.specifier}`);
    }
  }
  return stronglyConnected(edges).map((component) => describeCycle(component, edges));
}

/** Tarjan's algorithm: the components of more than one folder. */
function stronglyConnected(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return components;
}

/** One concrete cycle through the component, found by walking edges inside it back to its start. */
function describeCycle(component: string[], edges: Map<string, Map<string, string>>): FolderCycle {
  const inside = new Set(component);
  const start = component[0]!;
  const path = [start];
  const seen = new Set([start]);
  const walk = (v: string): boolean => {
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) return path.push(w) > 0;
      if (seen.has(w)) continue;
      seen.add(w);
      path.push(w);
      if (walk(w)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return { knot: component, folders: path, evidence: path.slice(1).map((to, i) => edges.get(path[i]!)!.get(to)!) };
}
