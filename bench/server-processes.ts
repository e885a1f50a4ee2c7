// Benchmark: several server processes on one store, each driven by its own load generator — does
// a second process (the second core) add throughput? On SQLite the processes share the one write
// lock, and a process that finds it taken waits in SQLite's busy handler (sleeps of 1, 2, 5 … ms);
// on PostgreSQL this is the scale-out deployment.
//
//   node --import tsx bench/server-processes.ts [--db better-sqlite3|pg] [--processes 2] [--connections 16] [--duration 10]
//
// --connections is the total, split evenly over the processes; --processes 1 is the baseline on the
// same harness. Each run: creations for --duration seconds, then one ACCEPT per created case.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { readCpu } from './lib/cpu-accounting.ts';
import { api, cannon, enterMissingCalendars, findFixture, freePort, waitHealthy, type Summary } from './lib/http-bench.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'better-sqlite3' },
    processes: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    duration: { type: 'string', default: '10' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PROCESSES = Number(args.processes);
const PER_PROCESS = Math.max(1, Math.round(Number(args.connections) / PROCESSES));
const fixture = findFixture('social-security-card', 'happy-path');
const body = { itemCode: 'social-security-card', data: fixture.data, materials: fixture.materials };
const work = mkdtempSync(join(tmpdir(), 'bianmin-bench-processes-'));
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  HOST: '127.0.0.1',
  BIANMIN_DATA: join(work, 'data'),
  BIANMIN_ADMIN_PASSWORD: 'bench-admin-password',
  BIANMIN_SECRET: 'bench-secret',
};
let schema: string | null = null;
if (args.db === 'pg') {
  schema = `bench_processes_${process.pid}_${Date.now().toString(36)}`;
  await withPg((c) => c.query(`create schema ${schema}`));
  Object.assign(env, { DATABASE_URL: args.pg, BIANMIN_PG_SCHEMA: schema });
}

const servers: { url: string; child: ChildProcess }[] = [];
try {
  // One after another: the first migrates and seeds the store, the others find it ready.
  for (let i = 0; i < PROCESSES; i++) {
    const port = await freePort();
    const log = join(work, `server-${i}.log`);
    const child = spawn(process.execPath, ['--import', 'tsx', 'core/src/main.ts'], { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = createWriteStream(log);
    child.stdout!.pipe(out);
    child.stderr!.pipe(out);
    servers.push({ url: `http://127.0.0.1:${port}`, child });
    await waitHealthy(servers[i]!.url, child, log);
  }
  await enterMissingCalendars(servers[0]!.url, env.BIANMIN_ADMIN_PASSWORD!, console.log);
  const login = await api(servers[0]!.url, '/api/auth/login', null, { username: 'clerk-wx', password: 'bianmin-demo' });
  const token = login.json.token as string;
  const ids = (i: number, phase: string) => join(work, `ids-${phase}-${i}.txt`);
  // Warm-up (JIT), not recorded.
  await Promise.all(servers.map(({ url }, i) => cannon(work, { kind: 'create', url, token, connections: PER_PROCESS, duration: 3, body, idsOut: ids(i, 'warm') })));
  const create = await measured((url, i) => ({ kind: 'create', url, token, connections: PER_PROCESS, duration: Number(args.duration), body, idsOut: ids(i, 'run') }));
  const accept = await measured((url, i) => ({ kind: 'events', url, token, connections: PER_PROCESS, idsIn: ids(i, 'run'), event: 'ACCEPT' }));
  console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model}; ${args.db}, ${PROCESSES} process(es) × ${PER_PROCESS} connections\n`);
  console.log('| request | req/s (all processes) | p99 ms (worst process) | non-2xx | servers\' CPU µs/request | steal % |\n|---|---|---|---|---|---|');
  for (const [what, r] of [['POST /api/cases', create], ['ACCEPT', accept]] as const) {
    console.log(`| ${what} | ${r.reqPerSec.toFixed(0)} | ${r.p99} | ${r.non2xx} | ${r.cpuUs.toFixed(0)} | ${r.steal.toFixed(0)} |`);
  }
} finally {
  for (const { child } of servers) child.kill('SIGTERM');
  await Promise.all(servers.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))));
  if (schema) await withPg((c) => c.query(`drop schema ${schema} cascade`));
  rmSync(work, { recursive: true, force: true });
}

/** One load generator per process at once; the servers' CPU time summed over all of them. */
async function measured(job: (url: string, i: number) => Record<string, unknown>) {
  const before = servers.map(({ child }) => readCpu(child.pid!)!);
  const runs: Summary[] = await Promise.all(servers.map(({ url }, i) => cannon(work, job(url, i))));
  const after = servers.map(({ child }) => readCpu(child.pid!)!);
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const cpuMs = after.reduce((n, a, i) => n + a.processMs - before[i]!.processMs, 0);
  const jiffies = after[0]!.total - before[0]!.total;
  return {
    reqPerSec: runs.reduce((n, r) => n + r.reqPerSec, 0),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((n, r) => n + r.non2xx + r.errors, 0),
    cpuUs: (cpuMs * 1000) / requests,
    steal: jiffies > 0 ? (100 * (after[0]!.steal - before[0]!.steal)) / jiffies : 0,
  };
}

async function withPg(fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const c = new pg.Client(args.pg);
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
  }
}
