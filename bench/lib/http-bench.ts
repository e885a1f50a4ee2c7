// What the HTTP benches share: the fixture they post, starting a server and waiting for it, plain
// API calls, the working calendars a fresh store needs, and the load generator (lib/cannon.ts) run
// as its own process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { describeCpu } from './cpu-accounting.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface FixtureStep {
  event: string;
  payload?: Record<string, unknown>;
  as?: string;
}

export function findFixture(item: string, name: string): { data: unknown; materials: unknown; steps: FixtureStep[] } {
  for (const plugin of readdirSync(join(ROOT, 'plugins'))) {
    const file = join(ROOT, 'plugins', plugin, 'items', item, 'test', 'cases', `${name}.json`);
    if (existsSync(file)) {
      const f = JSON.parse(readFileSync(file, 'utf8'));
      return { data: f.data, materials: f.materials ?? {}, steps: f.steps ?? [] };
    }
  }
  throw new Error(`no fixture ${name} for item ${item}`);
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

export async function waitHealthy(url: string, child: ChildProcess, log: string): Promise<void> {
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}; log ${log}:\n${readFileSync(log, 'utf8').slice(-3000)}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become healthy');
}

export async function api(url: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; json: any }> {
  const r = await fetch(url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: r.status, json: await r.json().catch(() => null) };
}

export interface Summary {
  kind: string;
  connections: number;
  requests: number;
  duration: number;
  reqPerSec: number;
  latency: { mean: number; p50: number; p90: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  errorSamples: string[];
  /** The load generator's own CPU time over the run, ms. */
  cpuMs?: number;
  /** Added here, not by the load generator: the server's CPU time per request and the machine's steal. */
  cpu?: ReturnType<typeof describeCpu>;
}

export async function cannon(work: string, job: Record<string, unknown>): Promise<Summary> {
  const file = join(work, `job-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(job));
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/lib/cannon.ts'), file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      if (code !== 0) return fail(new Error(`cannon exited ${code}`));
      try {
        ok(JSON.parse(out.trim().split('\n').pop()!));
      } catch (err) {
        fail(err);
      }
    });
  });
}

/**
 * The engine needs this year's and next year's working calendar; only the years of published State
 * Council notices are seeded. Enters a plain year (New Year's Day only) as the admin where one is missing.
 */
export async function enterMissingCalendars(url: string, adminPassword: string, log: (line: string) => void): Promise<void> {
  const admin = await api(url, '/api/auth/login', null, { username: 'admin', password: adminPassword });
  if (admin.status !== 200) throw new Error(`admin login ${admin.status} ${JSON.stringify(admin.json)}`);
  const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  for (const year of [thisYear, thisYear + 1]) {
    const have = await api(url, `/api/admin/calendar/${year}`, admin.json.token);
    if (have.status === 200) continue;
    const r = await fetch(`${url}/api/admin/calendar/${year}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.json.token}` },
      body: JSON.stringify({ year, region: '全国', days: [{ date: `${year}-01-01`, kind: 'holiday', name: '元旦' }] }),
    });
    if (!r.ok) throw new Error(`calendar ${year}: ${r.status} ${await r.text()}`);
    log(`entered a plain ${year} working calendar (not seeded)`);
  }
}
