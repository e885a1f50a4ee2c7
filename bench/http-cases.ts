// Benchmark (issue 3): cases over HTTP. Starts the real server (`node --import tsx core/src/main.ts`)
// as a child process on a fresh store, signs in as clerk-wx, and drives it with autocannon from a
// separate process (bench/lib/cannon.ts):
//   creations: POST /api/cases with a scenario fixture's data + materials, for --duration seconds;
//   events:    POST /api/cases/:id/events {type: ACCEPT}, once per case created before.
// at each of --connections (16 and 64). Stores: SQLite with better-sqlite3, SQLite with sqlite3,
// PostgreSQL (a fresh schema per run, dropped afterwards).
//
//   node --import tsx bench/http-cases.ts [--db better-sqlite3,sqlite3,pg] [--connections 16,64]
//        [--duration 10] [--item social-security-card] [--fixture happy-path] [--profile] [--statements]
//
// --profile runs the server under `node --cpu-prof` and prints the top self-time functions.
// --lifecycle: instead of one --event per case, every step of the fixture in order (ACCEPT, the
//   reviews, SEAL, DELIVER …), each as its own run over all the cases, as the user its `as` names;
//   then one line for all of them: events sent over the time they took.
// --keep leaves the data folder (and the profiles) in place.
// --server-flags "--trace-gc …" passes node flags to the server (its output goes to server.log).
// --statements preloads bench/lib/statement-timing-preload.ts into the server (better-sqlite3): time per SQL statement.
// The server and the load generator share the machine's cores.
// Each run also reports the server's CPU time per request and the steal over it (lib/cpu-accounting.ts).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { cpus, tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { describeCpu, readCpu } from './lib/cpu-accounting.ts';
import { summariseProfile } from './lib/cpu-profile.ts';
import { api, cannon, enterMissingCalendars, findFixture, freePort, waitHealthy, type FixtureStep, type Summary } from './lib/http-bench.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'better-sqlite3,sqlite3,pg' },
    connections: { type: 'string', default: '16,64' },
    duration: { type: 'string', default: '10' },
    item: { type: 'string', default: 'social-security-card' },
    fixture: { type: 'string', default: 'happy-path' },
    event: { type: 'string', default: 'ACCEPT' },
    profile: { type: 'boolean', default: false },
    statements: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'server-flags': { type: 'string', default: '' },
    lifecycle: { type: 'boolean', default: false },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CONNECTIONS = args.connections!.split(',').map(Number);
const DURATION = Number(args.duration);
const DBS = args.db!.split(',') as ('better-sqlite3' | 'sqlite3' | 'pg')[];

/** One load-generator run, with the server's CPU time and the machine's steal over it. */
async function measuredCannon(work: string, serverPid: number, job: Record<string, unknown>): Promise<Summary> {
  const before = readCpu(serverPid);
  const s = await cannon(work, job);
  return { ...s, cpu: describeCpu(before, readCpu(serverPid), s.requests, s.cpuMs) };
}

const fixture = findFixture(args.item!, args.fixture!);
const body = { itemCode: args.item, data: fixture.data, materials: fixture.materials };
const rows: { db: string; what: string; s: Summary }[] = [];
const extra: string[] = [];

for (const dbKind of DBS) {
  const work = mkdtempSync(join(tmpdir(), `bianmin-bench-http-${dbKind}-`));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: '127.0.0.1',
    BIANMIN_DATA: join(work, 'data'),
    BIANMIN_ADMIN_PASSWORD: 'bench-admin-password',
    BIANMIN_SECRET: 'bench-secret',
  };
  let schema: string | null = null;
  if (dbKind === 'sqlite3') env.BIANMIN_SQLITE_DRIVER = 'sqlite3';
  if (dbKind === 'pg') {
    schema = `bench_http_${process.pid}_${Date.now().toString(36)}`;
    const c = new pg.Client(args.pg);
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    env.DATABASE_URL = args.pg;
    env.BIANMIN_PG_SCHEMA = schema;
  }
  const profDir = join(work, 'prof');
  const log = join(work, 'server.log');
  const logStream = createWriteStream(log);
  const timingFile = join(work, 'statements.md');
  if (args.statements && dbKind === 'better-sqlite3') env.BENCH_STATEMENT_TIMING = timingFile;
  const preload = args.statements && dbKind === 'better-sqlite3' ? ['--import', './bench/lib/statement-timing-preload.ts'] : [];
  const server = spawn(process.execPath, [...(args.profile ? ['--cpu-prof', '--cpu-prof-dir', profDir] : []), ...args['server-flags']!.split(' ').filter(Boolean), '--import', 'tsx', ...preload, 'core/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.pipe(logStream);
  server.stderr!.pipe(logStream);
  try {
    const t0 = Date.now();
    await waitHealthy(url, server, log);
    console.log(`[${dbKind}] server up in ${Date.now() - t0} ms at ${url} (data ${work})`);
    await enterMissingCalendars(url, env.BIANMIN_ADMIN_PASSWORD!, (line) => console.log(`[${dbKind}] ${line}`));
    const login = await api(url, '/api/auth/login', null, { username: 'clerk-wx', password: 'bianmin-demo' });
    if (login.status !== 200) throw new Error(`login ${login.status} ${JSON.stringify(login.json)}`);
    const token = login.json.token as string;

    // One creation and one event by hand, to fail early with the server's reason.
    const probe = await api(url, '/api/cases', token, body);
    if (probe.status !== 201) throw new Error(`probe creation ${probe.status} ${JSON.stringify(probe.json)}`);
    const sent = await api(url, `/api/cases/${probe.json.id}/events`, token, { type: args.event });
    if (sent.status !== 200) throw new Error(`probe ${args.event} ${sent.status} ${JSON.stringify(sent.json)}`);
    console.log(`[${dbKind}] probe: created in state ${probe.json.state}, ${args.event} → ${sent.json.state}`);
    // Fetch the probe's documents once: the first PDF of a process parses the CJK fonts (~1 s on
    // the event loop), which would otherwise land in the first measured run via the idle renderer.
    for (const d of (sent.json.documents ?? []) as { url: string }[]) {
      const r = await fetch(url + d.url, { headers: { authorization: `Bearer ${token}` } });
      await r.arrayBuffer();
      console.log(`[${dbKind}] probe document ${d.url}: ${r.status}`);
    }

    // Warm-up (JIT, caches), not recorded: creations only. An ACCEPT issues a document whose PDF the
    // idle renderer (every 10 s, up to 10 documents) renders on the server's event loop; warming up
    // events would leave it a backlog that stalls the creation runs.
    const warmIds = join(work, 'ids-warm.txt');
    const w = await cannon(work, { kind: 'create', url, token, connections: 16, duration: 3, body, idsOut: warmIds });
    console.log(`[${dbKind}] warm-up create: ${w.requests} requests, non2xx ${w.non2xx}, errors ${w.errors}, timeouts ${w.timeouts}`);

    const idFiles: Record<number, string> = {};
    for (const c of CONNECTIONS) {
      idFiles[c] = join(work, `ids-${c}.txt`);
      const s = await measuredCannon(work, server.pid!, { kind: 'create', url, token, connections: c, duration: DURATION, body, idsOut: idFiles[c] });
      rows.push({ db: dbKind, what: `POST /api/cases (${args.item})`, s });
      console.log(`[${dbKind}] create c=${c}: ${s.reqPerSec.toFixed(0)} req/s p50 ${s.latency.p50} ms p99 ${s.latency.p99} ms non2xx ${s.non2xx} errors ${s.errors} timeouts ${s.timeouts} ${JSON.stringify(s.statuses)} ${s.cpu?.text ?? ''} ${s.errorSamples.join(' | ')}`);
    }
    // The demo county's users of 五泄镇: the fixture's `as` names a role (approver → approver-wx).
    const tokens: Record<string, string> = { clerk: token };
    const tokenFor = async (role = 'clerk') => {
      if (!tokens[role]) {
        const r = await api(url, '/api/auth/login', null, { username: `${role}-wx`, password: 'bianmin-demo' });
        if (r.status !== 200) throw new Error(`login ${role}-wx ${r.status}`);
        tokens[role] = r.json.token as string;
      }
      return tokens[role]!;
    };
    const steps: FixtureStep[] = args.lifecycle ? fixture.steps : [{ event: args.event! }];
    for (const c of CONNECTIONS) {
      const phase: Summary[] = [];
      for (const [i, step] of steps.entries()) {
        const s = await measuredCannon(work, server.pid!, { kind: 'events', url, token: await tokenFor(step.as), connections: c, idsIn: idFiles[c], event: step.event, payload: step.payload });
        phase.push(s);
        const label = args.lifecycle ? `${i + 1}. ${step.event}${step.as ? ` (${step.as})` : ''}` : step.event;
        rows.push({ db: dbKind, what: `POST /api/cases/:id/events ${label}`, s });
        console.log(`[${dbKind}] events ${label} c=${c}: ${s.requests} requests, ${s.reqPerSec.toFixed(0)} req/s p50 ${s.latency.p50} ms p99 ${s.latency.p99} ms non2xx ${s.non2xx} errors ${s.errors} timeouts ${s.timeouts} ${JSON.stringify(s.statuses)} ${s.cpu?.text ?? ''} ${s.errorSamples.join(' | ')}`);
      }
      if (phase.length > 1) {
        const requests = phase.reduce((n, s) => n + s.requests, 0);
        const seconds = phase.reduce((n, s) => n + s.duration, 0);
        console.log(`[${dbKind}] lifecycle c=${c}: ${requests} events in ${seconds.toFixed(1)} s = ${(requests / seconds).toFixed(0)} events/s; worst p99 of a step ${Math.max(...phase.map((s) => s.latency.p99))} ms`);
        extra.push(`[${dbKind}] lifecycle c=${c}: ${requests} events in ${seconds.toFixed(1)} s = ${(requests / seconds).toFixed(0)} events/s`);
      }
    }
    // What the requests left for the outbox worker (PDF rendering of issued documents, notifications).
    const { Client } = pg;
    if (dbKind === 'pg') {
      const c = new Client(args.pg);
      await c.connect();
      const r = await c.query(`select kind, status, count(*)::int as n from ${schema}.outbox group by kind, status order by kind, status`);
      const d = await c.query(`select (pdf is null) as pending, count(*)::int as n from ${schema}.documents group by 1`);
      await c.end();
      extra.push(`[${dbKind}] outbox at the end: ${r.rows.map((x) => `${x.kind}/${x.status} ${x.n}`).join(', ')}; documents ${d.rows.map((x) => `${x.pending ? 'without' : 'with'} PDF ${x.n}`).join(', ')}`);
    } else {
      const Database = (await import('better-sqlite3')).default;
      const d = new Database(join(work, 'data', 'bianmin.sqlite'), { readonly: true });
      const r = d.prepare('select kind, status, count(*) as n from outbox group by kind, status order by kind, status').all() as { kind: string; status: string; n: number }[];
      const docs = d.prepare('select (pdf is null) as pending, count(*) as n from documents group by 1').all() as { pending: number; n: number }[];
      d.close();
      extra.push(`[${dbKind}] outbox at the end: ${r.map((x) => `${x.kind}/${x.status} ${x.n}`).join(', ')}; documents ${docs.map((x) => `${x.pending ? 'without' : 'with'} PDF ${x.n}`).join(', ')}`);
    }
    console.log(extra.at(-1));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    const errors = readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => /fail|error/i.test(l))
      .slice(0, 5);
    if (errors.length) console.log(`[${dbKind}] server log (first error lines):\n  ${errors.join('\n  ')}`);
    if (existsSync(timingFile)) {
      const table = readFileSync(timingFile, 'utf8');
      console.log(`\n[${dbKind}] SQLite statements in the server:\n${table}`);
      extra.push(`[${dbKind}] statements:\n${table}`);
    }
    if (args.profile && existsSync(profDir)) {
      for (const f of readdirSync(profDir)) {
        const summary = summariseProfile(join(profDir, f), 25);
        console.log(`\n[${dbKind}] CPU profile of the server (${f}):\n${summary}`);
        extra.push(`[${dbKind}] profile:\n${summary}`);
      }
    }
    if (schema) {
      const c = new pg.Client(args.pg);
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    }
    if (args.keep) console.log(`[${dbKind}] kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model}, load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('\n| store | request | connections | requests | req/s | p50 ms | p99 ms | max ms | non-2xx | server CPU µs/req | load generator CPU µs/req | idle % | steal % |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const { db, what, s } of rows) {
  const cpu = (v: number | null | undefined) => (v == null ? '' : v.toFixed(0));
  console.log(`| ${db} | ${what} | ${s.connections} | ${s.requests} | ${s.reqPerSec.toFixed(0)} | ${s.latency.p50} | ${s.latency.p99} | ${s.latency.max} | ${s.non2xx}${s.errors ? ` (+${s.errors} errors)` : ''} | ${cpu(s.cpu?.usPerRequest)} | ${cpu(s.cpu?.generatorUsPerRequest)} | ${cpu(s.cpu?.idlePercent)} | ${cpu(s.cpu?.stealPercent)} |`);
}
