// Summarises a V8 .cpuprofile (node --cpu-prof): self time per function and per package/area,
// as markdown-ish tables. Percentages are of the busy (non-idle) time.
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

function area(url: string): string {
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return url.split('/')[0]!.replace(/^node:internal$/, 'node:internal');
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const m = /\/(core|forms|workflows|plugins)\/src\/([^/]+)/.exec(url) ?? /\/(core|forms|workflows|plugins)\/([^/]+)/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url.replace(/^file:\/\//, '');
}

/** `lastSeconds`: only the samples of the profile's last seconds (e.g. the events phase of a bench). */
export function summariseProfile(file: string, top = 25, inclusiveFilter: RegExp = /(core|forms|workflows)\/src\//, lastSeconds?: number): string {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
  if (lastSeconds !== undefined) keepLastSeconds(prof, lastSeconds);
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const fn = new Map<string, number>();
  const areas = new Map<string, number>();
  let idle = 0;
  let busy = 0;
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anonymous)';
    if (name === '(idle)') {
      idle += us;
      continue;
    }
    busy += us;
    const url = n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|core|forms|workflows|plugins)\//, '$1/');
    const key = `${name} ${url ? `${url}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
    fn.set(key, (fn.get(key) ?? 0) + us);
    const a = name.startsWith('(') ? name : area(n.callFrame.url);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  // Inclusive time of our own functions (core, forms, workflows): each sample counts once per function on its stack.
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|core|forms|workflows|plugins)\//, '$1/')}`.trim();
  const inclusive = new Map<string, number>();
  prof.samples.forEach((id, i) => {
    const first = byId.get(id)!;
    if (first.callFrame.functionName === '(idle)') return;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (!inclusiveFilter.test(n.callFrame.url)) continue;
      const k = keyOf(n);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + (prof.timeDeltas[i] ?? 0));
    }
  });
  const total = (prof.endTime - prof.startTime) / 1e3;
  const pct = (us: number) => ((100 * us) / busy).toFixed(1);
  const lines = [`wall ${(total / 1000).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s`, '', '| self % | self ms | function |', '|---|---|---|'];
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`| ${pct(us)} | ${(us / 1e3).toFixed(0)} | \`${k}\` |`);
  lines.push('', '| self % | area (package or core folder) |', '|---|---|');
  for (const [k, us] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`| ${pct(us)} | ${k} |`);
  lines.push('', '| incl. % | incl. ms | own function (core, forms, workflows) |', '|---|---|---|');
  for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`| ${pct(us)} | ${(us / 1e3).toFixed(0)} | \`${k}\` |`);
  return lines.join('\n');
}

/** Zeroes the time of samples taken before the profile's last `seconds`. */
function keepLastSeconds(prof: { timeDeltas: number[]; startTime: number; endTime: number }, seconds: number): void {
  const from = prof.endTime - seconds * 1e6;
  let t = prof.startTime;
  prof.timeDeltas = prof.timeDeltas.map((d) => ((t += d) < from ? 0 : d));
  prof.startTime = Math.max(prof.startTime, from);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(summariseProfile(process.argv[2]!, Number(process.argv[3] ?? 25), undefined, process.argv[4] ? Number(process.argv[4]) : undefined));
}
