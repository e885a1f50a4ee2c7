// Preloaded into the server by `http-cases.ts --statements` (node --import): times every SQLite
// statement and writes the table to $BENCH_STATEMENT_TIMING when the process is told to stop.
import { writeFileSync } from 'node:fs';
import { observeSqliteStatements } from './statement-timing.ts';

const out = process.env.BENCH_STATEMENT_TIMING;
const byText = new Map<string, { n: number; us: number }>();
observeSqliteStatements((key, us) => {
  const e = byText.get(key) ?? { n: 0, us: 0 };
  e.n += 1;
  e.us += us;
  byText.set(key, e);
});

process.once('SIGTERM', () => {
  const rows = [...byText].sort((a, b) => b[1].us - a[1].us);
  const total = rows.reduce((s, [, e]) => s + e.us, 0);
  const lines = [`statements: ${rows.reduce((s, [, e]) => s + e.n, 0)}, ${(total / 1e3).toFixed(0)} ms in SQLite`, '| calls | µs per call | total ms | statement |', '|---|---|---|---|'];
  for (const [k, e] of rows.slice(0, 30)) lines.push(`| ${e.n} | ${(e.us / e.n).toFixed(0)} | ${(e.us / 1e3).toFixed(0)} | \`${k}\` |`);
  if (out) writeFileSync(out, lines.join('\n') + '\n');
  process.exit(0);
});
