// Benchmark: supervision's lists and statistics over a county's year — 1,000,000 concluded cases,
// 300,000 evaluations (6 % bad), their work orders, 20,000 call-backs, 5,000 complaints — read
// through the real server (fastify inject, no network). Reads must cost their page, not the
// history: each route is timed over 30 runs after a warm-up.
//
//   node --import tsx bench/supervision.ts [--cases 1000000] [--db sqlite|pg] [--pg postgres://…]
//
// Rows are written in bulk with SQL (not through the engine): what is measured is reading them.
// The rollups of the statistics are built from the rows with one aggregate, as the writes would
// have kept them.
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createRuntime } from '../core/src/runtime/create-runtime.ts';
import { buildServer } from '../core/src/server/build-server.ts';
import { benchStoreKind, openBenchStore } from './lib/bench-store.ts';
import { idleOutbox } from './lib/idle-outbox.ts';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'sqlite' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    runs: { type: 'string', default: '30' },
  },
});
const N = Number(args.cases);
const RUNS = Number(args.runs);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

const store = await openBenchStore('supervision', benchStoreKind(args.db), args.pg!);
const db = store.db;
const pg = store.kind === 'pg';
const NOW = new Date('2025-12-20T10:00:00+08:00');
const started = await createRuntime({ db, now: () => NOW, env: { BIANMIN_ADMIN_PASSWORD: 'bench-password-1' } });
idleOutbox(started.runtime.engine);
const app = await buildServer(started.runtime, { webRoot: '/nonexistent' });

try {
  const orgs = ['wx', 'fq', 'wx-ssd', 'wx-qk', 'fq-fy', 'fq-xf', 'zj'];
  const users = Object.fromEntries((await db('users').select('username', 'id', 'window_id')).map((u: { username: string; id: string; window_id: string | null }) => [u.username, u]));
  const clerkOf: Record<string, string> = { wx: 'clerk-wx', fq: 'clerk-fq', zj: 'clerk-zj', 'wx-ssd': 'agent-wx-ssd', 'wx-qk': 'agent-wx-qk', 'fq-fy': 'agent-fq-fy', 'fq-xf': 'agent-fq-xf' };
  const b0 = process.hrtime.bigint();
  // Cases: org by i % 7, closed at a time spread over 2025 (i-th of N), ids and numbers from i.
  const seq = pg ? `generate_series(0, ${N - 1}) as g(i)` : null;
  const orgCase = (col: string) => `case ${orgs.map((o, k) => `when ${col} % 7 = ${k} then '${o}'`).join(' ')} end`;
  const creatorCase = (col: string) => `case ${orgs.map((o, k) => `when ${col} % 7 = ${k} then '${users[clerkOf[o]!]!.id}'`).join(' ')} end`;
  const pad = (col: string) => (pg ? `lpad(${col}::text, 8, '0')` : `substr('00000000' || ${col}, -8, 8)`);
  const closedAt = (col: string) =>
    pg ? `to_char(timestamp '2025-01-01 00:00:00' + (${col} * interval '31 seconds'), 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"')`
      : `strftime('%Y-%m-%dT%H:%M:%S.000Z', '2025-01-01 00:00:00', '+' || (${col} * 31) || ' seconds')`;
  const from = pg ? `from ${seq}` : `from (with recursive g(i) as (select 0 union all select i + 1 from g where i < ${N - 1}) select i from g)`;
  // The closed-case tallies' per-row trigger (queue columns) is not what this bench reads; on
  // PostgreSQL it made the bulk insert take more than half an hour.
  if (pg) await db.raw('alter table cases disable trigger user');
  await db.raw(`insert into cases (id, number, item_code, item_version, receiving_org_id, current_org_id, intake_org_id, state, state_group, open, snapshot, data, materials, applicant,
      applicant_name, applicant_phone, channel, version, created_by, received_at, clock, settings, closed_at, updated_at, queue_key)
    select 'c' || ${pad('i')}, 'B' || ${pad('i')}, 'household-registration-certificate', '1.0.0', ${orgCase('i')}, ${orgCase('i')}, ${orgCase('i')}, 'concluded', 'concluded', ${pg ? 'false' : '0'},
      '{"context":{"outcome":"approved"}}', '{}', '{}', '{"name":"张三","phone":"13905751234"}', '张三', '13905751234', 'window', 5, ${creatorCase('i')},
      ${closedAt('i')}, '{}', '{}', ${closedAt('i')}, ${closedAt('i')}, '2' || ${pad('i')} ${from}`);
  if (pg) await db.raw('alter table cases enable trigger user');
  console.log(`cases: ${N} in ${(ms(b0) / 1000).toFixed(1)} s`);
  // 30 % evaluated the day they closed; level by i: 6 % bad (1–2), 70 % good.
  const e0 = process.hrtime.bigint();
  const level = `case when i % 50 < 3 then 1 + (i % 2) when i % 50 < 15 then 3 else 4 + (i % 2) end`;
  const day = pg ? 'substr(closed_at, 1, 10)' : 'substr(closed_at, 1, 10)';
  const evaluated = `from (select cast(substr(id, 2) as integer) as i, id, receiving_org_id, created_by, closed_at from cases) x where i % 10 < 3`;
  await db.raw(`insert into evaluations (case_id, level, channel, created_at, org_id, window_id, staff_id, item_code, reasons, real_name, day)
    select id, ${level}, 'qr', closed_at, receiving_org_id, null, created_by, 'household-registration-certificate', '["slow"]', ${pg ? '(i % 3 = 0)' : '(i % 3 = 0)'}, ${day} ${evaluated}`);
  await db.raw(`update evaluations set window_id = (select window_id from users where users.id = evaluations.staff_id)`);
  // Work orders of the bad ones: closed within 5 days but the last 60 (open, some overdue).
  await db.raw(`insert into rectifications (id, number, case_id, source, source_id, org_id, review_org_id, window_id, staff_id, item_code, level, real_name, status, follow_ups,
      due_at, opened_at, closed_at, day, version, updated_at)
    select 'r' || substr(case_id, 2), 'R' || substr(case_id, 2), case_id, 'evaluation', case_id, org_id, case when org_id like 'wx%' then 'wx' when org_id like 'fq%' then 'fq' else 'zj' end,
      window_id, staff_id, item_code, level, real_name, case when created_at > '2025-12-10' then 'assigned' else 'closed' end, 1, created_at, created_at,
      case when created_at > '2025-12-10' then null else created_at end, day, 3, created_at from evaluations where level <= 2`);
  await db.raw(`update rectifications set due_at = ${pg ? "to_char((due_at::timestamp + interval '7 days'), 'YYYY-MM-DD\"T\"HH24:MI:SS.000\"Z\"')" : "strftime('%Y-%m-%dT%H:%M:%S.000Z', due_at, '+7 days')"}`);
  await db.raw(`insert into callbacks (id, case_id, org_id, window_id, staff_id, item_code, sampled, reached, satisfied, note, called_by, caller_name, called_at, day)
    select 'k' || substr(id, 2), id, receiving_org_id, null, created_by, item_code, ${pg ? 'true' : '1'}, ${pg ? '(cast(substr(id, 2) as integer) % 5 <> 0)' : '(cast(substr(id, 2) as integer) % 5 <> 0)'},
      ${pg ? '(cast(substr(id, 2) as integer) % 13 <> 0)' : '(cast(substr(id, 2) as integer) % 13 <> 0)'}, null, created_by, '回访员', closed_at, substr(closed_at, 1, 10)
      from cases where cast(substr(id, 2) as integer) % 50 = 7`);
  await db.raw(`insert into complaints (id, number, org_id, received_at, complainant, phone, content, source, recorder_name, status, day, version, created_at, updated_at)
    select 'p' || substr(id, 2), 'P' || substr(id, 2), receiving_org_id, closed_at, '李四', '13812345678', '窗口排队时间长', 'mailbox', '记录员', case when cast(substr(id, 2) as integer) % 7 = 0 then 'received' else 'closed' end,
      substr(closed_at, 1, 10), 1, closed_at, closed_at from cases where cast(substr(id, 2) as integer) % 200 = 11`);
  // The rollups, as the writes keep them.
  const b = pg ? (x: string) => `(${x})::int` : (x: string) => `(${x})`;
  await db.raw(`insert into supervision_daily (day, org_id, window_id, staff_id, item_code, evaluations, good, bad, bad_closed, bad_closed_on_time, real_name_bad, real_name_closed_called_back)
    select e.day, e.org_id, coalesce(e.window_id, ''), coalesce(e.staff_id, ''), e.item_code, count(*), sum(${b('e.level >= 4')}), sum(${b('e.level <= 2')}),
      sum(${b("e.level <= 2 and e.created_at <= '2025-12-10'")}), sum(${b("e.level <= 2 and e.created_at <= '2025-12-10'")}), sum(${b('e.level <= 2 and e.real_name')}),
      sum(${b("e.level <= 2 and e.real_name and e.created_at <= '2025-12-10'")})
    from evaluations e group by e.day, e.org_id, coalesce(e.window_id, ''), coalesce(e.staff_id, ''), e.item_code`);
  await db.raw(pg ? 'analyze' : 'analyze');
  const count = async (t: string) => Number((await db(t).count({ n: '*' }).first())!.n);
  console.log(`supervision rows in ${(ms(e0) / 1000).toFixed(1)} s: ${await count('evaluations')} evaluations, ${await count('rectifications')} work orders, ${await count('callbacks')} call-backs, ${await count('complaints')} complaints, ${await count('supervision_daily')} rollup rows${store.sqliteMiB() ? `; file ${store.sqliteMiB()!.toFixed(0)} MiB` : ''}`);

  const token = async (username: string) => (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: username === 'admin' ? 'bench-password-1' : 'bianmin-demo' } })).json().token as string;
  const head = await token('head-wx');
  const county = await token('supervisor');
  const get = async (who: string, url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${who}` } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res;
  };
  const firstCursor = async (who: string, url: string) => (await get(who, url)).json().nextCursor as string;
  const routes: [string, string, string][] = [
    ['head', '/api/rectifications?status=active', 'open work orders, first page'],
    ['head', '/api/rectifications', 'all work orders, first page'],
    ['head', `/api/rectifications?cursor=${await firstCursor(head, '/api/rectifications')}`, 'all work orders, second page'],
    ['county', '/api/rectifications?overdue=true', 'overdue (county)'],
    ['head', '/api/evaluations', 'evaluations, first page'],
    ['county', '/api/evaluations?level=1', 'evaluations 非常不满意 (county)'],
    ['head', '/api/evaluations?from=2025-06-01&to=2025-06-30', 'evaluations of a month'],
    ['head', '/api/supervision/stats?from=2025-12-01&to=2025-12-20&groupBy=window', 'stats, month by window'],
    ['county', '/api/supervision/stats?from=2025-01-01&to=2025-12-31&groupBy=org', 'stats, year by org (county)'],
    ['county', '/api/supervision/stats?from=2025-01-01&to=2025-12-31&groupBy=staff', 'stats, year by staff (county)'],
    ['head', '/api/supervision/summary', "centre head's page"],
    ['head', '/api/complaints', 'complaints, first page'],
    ['head', '/api/callbacks?month=2025-11', "a month's call-backs"],
    ['head', '/api/callbacks/sample?month=2025-11&n=10', "a month's sample (drawn on the first run)"],
    ['head', '/api/refusal-reports', 'refusal reports'],
  ];
  const who = { head, county } as Record<string, string>;
  console.log(`\n| route | what | median ms | p95 ms |\n|---|---|---|---|`);
  for (const [user, url, what] of routes) {
    for (let i = 0; i < 3; i++) await get(who[user]!, url);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      await get(who[user]!, url);
      times.push(ms(t0));
    }
    times.sort((a, b) => a - b);
    console.log(`| \`${url.length > 70 ? `${url.slice(0, 60)}…` : url}\` | ${what} | ${times[Math.floor(RUNS / 2)]!.toFixed(1)} | ${times[Math.floor(RUNS * 0.95)]!.toFixed(1)} |`);
  }
  // The sample's draw itself, for a month not drawn yet.
  const d0 = process.hrtime.bigint();
  await get(head, '/api/callbacks/sample?month=2025-10&n=20');
  console.log(`\nfirst draw of a month's sample (n=20 of ~${Math.round(N / 7 / 12)} concluded cases): ${ms(d0).toFixed(1)} ms`);
  console.log(`\n${cpus().length} cores (${cpus()[0]?.model}), load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${store.kind}`);
} finally {
  await app.close();
  await started.close();
  await store.remove();
}
