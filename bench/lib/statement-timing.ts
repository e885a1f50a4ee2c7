// Preloaded into the server by `http-cases.ts --statements` (node --import): counts and times every
// statement better-sqlite3 runs, and writes the table to $BENCH_STATEMENT_TIMING when the process
// is told to stop. Time is the synchronous call into SQLite (execution plus, for COMMIT, the WAL
// writes); batches are counted from the BEGIN IMMEDIATE statements of the group commit.
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';

const out = process.env.BENCH_STATEMENT_TIMING;
const byText = new Map<string, { n: number; us: number }>();
const probe = new Database(':memory:');
const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>;
probe.close();
for (const method of ['run', 'all', 'get'] as const) {
  const original = proto[method]!;
  proto[method] = function (this: { source: string }, ...a: unknown[]) {
    const t0 = process.hrtime.bigint();
    try {
      return original.apply(this, a);
    } finally {
      const key = this.source.replace(/\s+/g, ' ').replace(/\(\?(, \?)*\)/g, '(…)').slice(0, 100);
      const e = byText.get(key) ?? { n: 0, us: 0 };
      e.n += 1;
      e.us += Number(process.hrtime.bigint() - t0) / 1e3;
      byText.set(key, e);
    }
  };
}

process.once('SIGTERM', () => {
  const rows = [...byText].sort((a, b) => b[1].us - a[1].us);
  const total = rows.reduce((s, [, e]) => s + e.us, 0);
  const lines = [`statements: ${rows.reduce((s, [, e]) => s + e.n, 0)}, ${(total / 1e3).toFixed(0)} ms in SQLite`, '| calls | µs per call | total ms | statement |', '|---|---|---|---|'];
  for (const [k, e] of rows.slice(0, 30)) lines.push(`| ${e.n} | ${(e.us / e.n).toFixed(0)} | ${(e.us / 1e3).toFixed(0)} | \`${k}\` |`);
  if (out) writeFileSync(out, lines.join('\n') + '\n');
  process.exit(0);
});
