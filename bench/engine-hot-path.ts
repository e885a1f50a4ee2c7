// Benchmark: the case hot path in-process, without HTTP and without the outbox worker — what one
// creation (engine.create) and one event (engine.send ACCEPT) cost on their own: wall time per
// call, SQL statements per call, and the case view the HTTP routes build after each. Explains the
// "Cases over HTTP" figures; run with --cpu-prof for a profile of the engine alone.
//
//   node --import tsx bench/engine-hot-path.ts [--count 500] [--db sqlite|sqlite3|pg]
//   node --cpu-prof --cpu-prof-dir /tmp/prof-engine --import tsx bench/engine-hot-path.ts
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { observeSqliteStatements, statementKey } from './lib/statement-timing.ts';
import { createRuntime } from '../core/src/runtime/create-runtime.ts';
import { benchStoreKind, openBenchStore } from './lib/bench-store.ts';
import { caseView, readCaseView, type CaseUser } from '../core/src/cases/index.ts';
import { authenticate, login } from '../core/src/auth/index.ts';
import type { Scenario } from '@bianmin/contract';
import { idleOutbox } from './lib/idle-outbox.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '500' },
    db: { type: 'string', default: 'sqlite' },
    item: { type: 'string', default: 'human-resources/items/social-security-card' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const N = Number(args.count);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const fx = JSON.parse(readFileSync(join(ROOT, 'plugins', args.item!, 'test/cases/happy-path.json'), 'utf8')) as Scenario;
const store = await openBenchStore('engine', benchStoreKind(args.db), args.pg!);
const db = store.db;

// The server's clock is the real one; like the HTTP bench, keep it but pin it inside 2025 so the
// seeded calendars (this year and next) cover it.
const now = () => new Date('2025-06-02T02:00:00Z');
const started = await createRuntime({ db, now, env: { BIANMIN_ADMIN_PASSWORD: 'bench' } });
const rt = started.runtime;
idleOutbox(rt.engine);
const clerk: CaseUser = { id: 'bench', name: '五泄窗口', roles: ['clerk'], orgId: 'wx' };
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
// Statements are counted and timed in the driver (better-sqlite3's Statement methods), since the
// hot path no longer goes through knex's query events; other stores are counted through knex only.
let queries = 0;
const bySql = new Map<string, number>();
const sqlTime = new Map<string, number>();
const count = (key: string, us: number) => {
  queries += 1;
  bySql.set(key, (bySql.get(key) ?? 0) + 1);
  sqlTime.set(key, (sqlTime.get(key) ?? 0) + us);
};
if (args.db === 'sqlite') observeSqliteStatements(count);
else db.on('query', (q: { sql: string }) => count(statementKey(q.sql, 90), 0));

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { mean: xs.reduce((a, b) => a + b, 0) / xs.length, p50: q(0.5), p99: q(0.99) };
}

try {
  const body = { itemCode: fx.item, data: fx.data, materials: fx.materials ?? {} };
  // Warm-up
  for (let i = 0; i < 50; i++) {
    const r = await rt.engine.create(clerk, body);
    await rt.engine.send(clerk, r.id, { type: 'ACCEPT' });
  }
  const measure = async (label: string, fn: (i: number) => Promise<unknown>, n = N) => {
    const times: number[] = [];
    bySql.clear();
    sqlTime.clear();
    const q0 = queries;
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      const s = process.hrtime.bigint();
      await fn(i);
      times.push(ms(s));
    }
    const wall = ms(t0);
    const cpu = process.cpuUsage(c0);
    const st = stats(times);
    const top = [...bySql].sort((a, b) => (sqlTime.get(b[0]) ?? 0) - (sqlTime.get(a[0]) ?? 0)).slice(0, 14).map(([k, v]) => `${(v / n).toFixed(1)}× ${((sqlTime.get(k) ?? 0) / v).toFixed(0).padStart(4)} µs  ${k}`);
    return { label, n, perSec: (n * 1000) / wall, ...st, cpuMs: (cpu.user + cpu.system) / 1000 / n, queries: (queries - q0) / n, top };
  };
  const ids: string[] = [];
  const rows = [];
  // As the routes do: the step, then the view built from what the step wrote.
  const shown = (r: Awaited<ReturnType<typeof rt.engine.createWithParts>>) => caseView(rt.engine, rt.orgs, rt.calendar.calendar(), clerk, r.record, r.parts, now());
  rows.push(await measure('engine.createWithParts (RECEIVE) + view', async () => ids.push(shown(await rt.engine.createWithParts(clerk, body)).id)));
  rows.push(await measure('engine.sendWithParts ACCEPT (issues the acceptance receipt) + view', async (i) => shown(await rt.engine.sendWithParts(clerk, ids[i]!, { type: 'ACCEPT' }))));
  rows.push(await measure('engine.sendWithParts APPROVE (no document) + view', async (i) => shown(await rt.engine.sendWithParts(clerk, ids[i]!, { type: 'APPROVE', payload: { opinion: '同意' } }))));
  const record = (await rt.engine.load(db, ids[0]!))!;
  rows.push(await measure('readCaseView (GET /api/cases/:id: the case view read from the store)', async () => readCaseView(db, rt.engine, rt.orgs, rt.calendar.calendar(), clerk, record, now())));
  const { token } = await login(db, 'clerk-wx', 'bianmin-demo', now());
  rows.push(await measure('authenticate (bearer token, every request)', async () => authenticate(db, token, now())));

  console.log(`store ${args.db}; machine ${cpus().length} × ${cpus()[0]?.model}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  console.log('| step | calls/s (one at a time) | mean ms | p50 ms | p99 ms | CPU ms per call | SQL statements per call |\n|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.label} | ${r.perSec.toFixed(0)} | ${r.mean.toFixed(2)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.cpuMs.toFixed(2)} | ${r.queries.toFixed(1)} |`);
  for (const r of rows.slice(0, 3)) console.log(`\nstatements per ${r.label}:\n  ${r.top.join('\n  ')}`);
} finally {
  await started.close();
  await store.remove();
}
