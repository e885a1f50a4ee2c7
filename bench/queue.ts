// Benchmark: the window's queue (GET /api/cases) and the work list (GET /api/worklist) with
// 1,000,000 cases in the store — a county's years of history, 5 % of them open — read through the
// real HTTP server by 16 concurrent clients (autocannon in its own process, lib/cannon.ts). Target:
// p99 < 20 ms (issue 14 point 4). Also a search by 身份证号 and pages deep in the queue (by cursor).
//
//   node --import tsx bench/queue.ts [--cases 1000000] [--db sqlite|pg] [--connections 16] [--duration 5]
//
// Rows are written in bulk with one INSERT … SELECT over a generated series, queue columns included
// (cases/queue-columns.ts' encoding), not through the engine: what is measured is reading them.
// The closed-case tallies are kept by the migration's triggers as the rows go in, as in production.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idNumberHash } from '../core/src/privacy/index.ts';
import { createRuntime } from '../core/src/runtime/create-runtime.ts';
import { buildServer } from '../core/src/server/build-server.ts';
import { benchStoreKind, openBenchStore } from './lib/bench-store.ts';
import { cannon, freePort } from './lib/http-bench.ts';
import { idleOutbox } from './lib/idle-outbox.ts';
import { observeSqliteStatements } from './lib/statement-timing.ts';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'sqlite' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    connections: { type: 'string', default: '16' },
    duration: { type: 'string', default: '5' },
    statements: { type: 'boolean', default: false },
  },
});
const N = Number(args.cases);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

const store = await openBenchStore('queue', benchStoreKind(args.db), args.pg!);
const db = store.db;
const pg = store.kind === 'pg';
const NOW = new Date('2026-12-01T10:00:00+08:00');
const started = await createRuntime({ db, now: () => NOW, env: { BIANMIN_ADMIN_PASSWORD: 'bench-password-1', BIANMIN_SECRET: 'bench-secret-bench-secret-bench-secret!' } });
idleOutbox(started.runtime.engine);
const app = await buildServer(started.runtime, { webRoot: '/nonexistent' });
const work = mkdtempSync(join(tmpdir(), 'bianmin-bench-queue-'));

try {
  const orgs = ['wx', 'fq', 'wx-ssd', 'wx-qk', 'fq-fy', 'fq-xf', 'zj'];
  const b0 = process.hrtime.bigint();
  // Case i: organisation i % 7. Every 20th is open — of those, a third an immediate 户籍证明 due
  // 30 minutes after receipt (most long overdue), a third a promised 公章刻制备案 under review by the
  // approver and due 5 days after receipt, a third received and not yet accepted (no due date).
  // The others closed, 30 s apart through 2025, the latest closed first in the queue.
  const NOW_MS = NOW.getTime();
  const START_2025 = Date.parse('2025-01-01T00:00:00Z');
  const NEVER = 9_999_999_999_999;
  const iso = (msExpr: string) => (pg ? `to_char(to_timestamp((${msExpr}) / 1000.0) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : `strftime('%Y-%m-%dT%H:%M:%fZ', (${msExpr}) / 1000.0, 'unixepoch')`);
  const pad = (expr: string, n: number) => (pg ? `lpad((${expr})::text, ${n}, '0')` : `printf('%0${n}d', ${expr})`);
  const cat = ' || ';
  const orgOf = `case ${orgs.map((o, k) => `when i % 7 = ${k} then '${o}'`).join(' ')} end`;
  const open = 'i % 20 = 0';
  const kindOf = 'i % 60'; // 0 immediate, 20 promised under review, 40 promised received
  const received = `case when ${open} then ${NOW_MS} - ((i / 20) % 40000) * 40000 else ${START_2025} + i * 30000 end`;
  const closed = `(${START_2025} + i * 30000 + 600000)`;
  const due = `case when ${kindOf} = 0 then ${received} + 1800000 when ${kindOf} = 20 then ${received} + 5 * 86400000 else null end`;
  const id = `'00000000-0000-7000-8000-'${cat}${pad('i', 12)}`;
  const queueKey = `case when ${open} then '0'${cat}${pad(`coalesce(${due}, ${NEVER})`, 13)}${cat}${pad(received, 13)}${cat}${id} else '1'${cat}${pad(`${NEVER} - ${closed}`, 13)}${cat}${id} end`;
  const bool = (expr: string) => (pg ? `(${expr})` : `(case when ${expr} then 1 else 0 end)`);
  const from = pg ? `from generate_series(0, ${N - 1}) as g(i)` : `from (with recursive g(i) as (select 0 union all select i + 1 from g where i < ${N - 1}) select i from g)`;
  const item = `case when ${open} and ${kindOf} = 0 then 'household-registration-certificate' when ${open} then 'company-seal-engraving-filing' else 'household-registration-certificate' end`;
  const state = `case when not (${open}) then 'concluded' when ${kindOf} = 20 then 'reviewing' else 'received' end`;
  await db.raw(`insert into cases (id, number, item_code, item_version, receiving_org_id, current_org_id, intake_org_id, state, state_group, open, snapshot, data, materials, applicant,
      applicant_name, applicant_phone, applicant_id_hash, channel, version, created_by, received_at, accepted_at, due_at, clock, settings, closed_at, updated_at,
      queue_key, queue_due_at, due_provisional, waiting_roles)
    select ${id}, 'B'${cat}${pad('i', 10)}, ${item}, '1.0.0', ${orgOf}, ${orgOf}, ${orgOf}, ${state}, ${state}, ${bool(open)},
      '{"context":{}}', '{}', '{}', '{"name":"张三","phone":"13905751234"}', '张三', '13905751234', ${pad('i', 64)}, 'window', 3, null,
      ${iso(received)}, case when ${open} and ${kindOf} = 20 then ${iso(received)} else null end,
      case when ${open} and ${kindOf} = 20 then ${iso(due)} else null end,
      case when ${open} and ${kindOf} = 20 then '{"startedAt":"x","pauses":[]}' else '{"pauses":[]}' end, '{}',
      case when ${open} then null else ${iso(closed)} end, ${iso(received)},
      ${queueKey}, case when ${open} and ${kindOf} <> 40 then ${iso(due)} else null end, ${bool('false')},
      case when not (${open}) then '' when ${kindOf} = 20 then 'approver' else 'clerk' end
    ${from}`);
  // One applicant to search for, by the real keyed hash of a real ID number.
  const ID = '330681197503151234';
  await db('cases').where({ id: '00000000-0000-7000-8000-000000000140' }).update({ applicant_id_hash: idNumberHash(started.runtime.engine.deps.idNumberKey, ID) });
  await db.raw('analyze');
  const counts = await db('cases').select(db.raw('count(*) as n'), db.raw(`sum(case when open then 1 else 0 end) as open`)).first();
  console.log(`cases: ${N} (${counts.open} open) in ${(ms(b0) / 1000).toFixed(1)} s; store ${store.sqliteMiB()?.toFixed(0) ?? '—'} MiB`);

  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  const token = async (username: string) => (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: username === 'admin' ? 'bench-password-1' : 'bianmin-demo' } })).json().token as string;
  const clerk = await token('clerk-wx');
  const approver = await token('approver-wx');
  const county = await token('clerk-zj');
  const get = async (path: string, who: string) => {
    const res = await app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${who}` } });
    if (res.statusCode !== 200) throw new Error(`${path} → ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json();
  };
  // Cursors 1–40 pages deep into 五泄's queue, for the deep-page run.
  const deep: string[] = [];
  let cursor: string | null = null;
  for (let p = 0; p < 40; p++) {
    const page: { nextCursor: string | null } = await get(`/api/cases${cursor ? `?cursor=${cursor}` : ''}`, clerk);
    cursor = page.nextCursor;
    if (!cursor) break;
    deep.push(`/api/cases?cursor=${cursor}`);
  }
  const first = await get('/api/cases', clerk);
  const worklist = await get('/api/worklist', clerk);
  console.log(`五泄 queue total ${first.total}; 五泄 clerk's work list: todo ${worklist.counts.todo}, overdue ${worklist.counts.overdue}, due soon ${worklist.counts.dueSoon}`);
  console.log(`search ${ID}: ${(await get(`/api/cases?q=${ID}`, clerk)).total} match`);

  const runs: [string, string, string[]][] = [
    ['queue, first page (五泄 clerk: 五泄 and its villages)', clerk, ['/api/cases']],
    ['queue, pages 2–40 by cursor', clerk, deep],
    ['queue, overdue only', clerk, ['/api/cases?overdue=true']],
    ['queue, one item', clerk, ['/api/cases?itemCode=company-seal-engraving-filing']],
    ['queue, county clerk (every organisation)', county, ['/api/cases']],
    ['search by 身份证号', clerk, [`/api/cases?q=${ID}`]],
    ['work list (五泄 clerk)', clerk, ['/api/worklist']],
    ['work list (五泄 approver)', approver, ['/api/worklist']],
  ];
  // One client first: what a request costs on its own (median and 95th of 30, after a warm-up).
  console.log('\n| read (one client, 30 runs) | median ms | p95 ms |');
  console.log('|---|---|---|');
  const statementTimes = new Map<string, { n: number; us: number }>();
  let observing = '';
  if (args.statements && !pg) {
    observeSqliteStatements((key, us) => {
      const k = `${observing} · ${key}`;
      const e = statementTimes.get(k) ?? { n: 0, us: 0 };
      e.n += 1;
      e.us += us;
      statementTimes.set(k, e);
    });
  }
  for (const [what, who, paths] of runs) {
    observing = what;
    const times: number[] = [];
    for (let r = 0; r < 35; r++) {
      const t0 = process.hrtime.bigint();
      await get(paths[r % paths.length]!, who);
      if (r >= 5) times.push(ms(t0));
    }
    times.sort((a, b) => a - b);
    console.log(`| ${what} | ${times[15]!.toFixed(1)} | ${times[28]!.toFixed(1)} |`);
  }
  if (args.statements) {
    console.log('\n| read · statement | runs | mean µs |\n|---|---|---|');
    for (const [k, e] of [...statementTimes].sort((a, b) => b[1].us - a[1].us).slice(0, 25)) console.log(`| ${k} | ${e.n} | ${(e.us / e.n).toFixed(0)} |`);
  }
  const c = Number(args.connections);
  if (c > 0) console.log(`\n${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}; ${store.kind}; ${c} connections × ${args.duration} s each\n`);
  if (c > 0) console.log('| read | req/s | p50 ms | p99 ms | max ms | non-2xx |\n|---|---|---|---|---|---|');
  for (const [what, who, paths] of c > 0 ? runs : []) {
    const r = await cannon(work, { kind: 'get', url, token: who, connections: c, duration: Number(args.duration), paths });
    console.log(`| ${what} | ${r.reqPerSec.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} | ${r.non2xx + r.errors + r.timeouts} |`);
  }
} finally {
  await app.close();
  await started.close();
  await store.remove();
}
