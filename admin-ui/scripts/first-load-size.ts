// Measures what a route loads first: the entry chunk, its static imports, and the route's lazy page
// chunk with its imports, each gzip'd. Run after `npm run build -w admin-ui`:
//   node --import tsx admin-ui/scripts/first-load-size.ts [src/pages/workbench/Queue.tsx …]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8')) as Record<string, Chunk>;

function closure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the build manifest: ${key}`);
    seen.add(key);
    for (const i of chunk.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  return seen;
}

export function firstLoad(page: string): { js: number; jsGzip: number; css: number; cssGzip: number; files: number } {
  const keys = closure(['index.html', page]);
  const js = [...keys].map((k) => manifest[k]!.file);
  const css = [...new Set([...keys].flatMap((k) => manifest[k]!.css ?? []))];
  const size = (files: string[], gz: boolean) =>
    files.reduce((n, f) => {
      const bytes = readFileSync(`${dist}${f}`);
      return n + (gz ? gzipSync(bytes).length : bytes.length);
    }, 0);
  return { js: size(js, false), jsGzip: size(js, true), css: size(css, false), cssGzip: size(css, true), files: js.length };
}

const pages = process.argv.slice(2);
for (const page of pages.length ? pages : ['src/pages/workbench/Queue.tsx']) {
  const r = firstLoad(page);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`${page}: JS ${kb(r.js)} (gzip ${kb(r.jsGzip)}) in ${r.files} files; CSS ${kb(r.css)} (gzip ${kb(r.cssGzip)})`);
}
