// Deadlines live in the database and a sweeper in each server fires them: with two server
// processes on one PostgreSQL, every due deadline fires exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../core/test/test-database.ts';
import { applicationData, writeTestPlugin } from '../support/test-items.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let database: TestDatabase;
const servers: ChildProcess[] = [];
const ports = [39101 + Math.floor(Math.random() * 400), 39601 + Math.floor(Math.random() * 300)];

async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${port} did not start`);
}

function startServer(port: number, pluginDir: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'core/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: database.url,
      BIANMIN_PG_SCHEMA: database.schema,
      BIANMIN_PLUGINS: pluginDir,
      BIANMIN_ADMIN_PASSWORD: 'two-process-admin',
      BIANMIN_SWEEP_MS: '300',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  servers.push(child);
  return child;
}

async function api(port: number, token: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  database = await createTestDatabase('postgres');
  const pluginDir = writeTestPlugin(join(mkdtempSync(join(tmpdir(), 'bianmin-sweep-')), 'plugin-test'));
  startServer(ports[0]!, pluginDir);
  await waitForHealth(ports[0]!);
  startServer(ports[1]!, pluginDir);
  await waitForHealth(ports[1]!);
}, 120_000);

afterAll(async () => {
  // Wait for both processes to end: dropping the schema while one still holds its locks deadlocks.
  await Promise.all(servers.map((s) => new Promise<void>((done) => {
    if (s.exitCode !== null || s.signalCode !== null) return done();
    const force = setTimeout(() => s.kill('SIGKILL'), 10_000);
    s.once('exit', () => { clearTimeout(force); done(); });
    s.kill('SIGTERM');
  })));
  await database?.destroy();
});

describe('deadline sweeper with two server processes on one PostgreSQL', () => {
  it('fires each due correction deadline exactly once', async () => {
    const token = (await api(ports[0]!, null, 'POST', '/api/auth/login', { username: 'clerk-wx', password: 'bianmin-demo' })).body.token;
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const port = ports[i % 2]!;
      const c = await api(port, token, 'POST', '/api/cases', { itemCode: 't-promised', data: applicationData(), materials: { 'id-card': 'missing', 'bank-card': 'provided' } });
      expect(c.status).toBe(201);
      const notice = await api(port, token, 'POST', `/api/cases/${c.body.id}/events`, { type: 'REQUEST_CORRECTION', payload: { missing: ['id-card'] } });
      expect(notice.body.state).toBe('correcting');
      ids.push(c.body.id);
    }
    // The applicant's time to correct runs out for all of them at once.
    await database.db('deadlines').whereIn('case_id', ids).andWhere({ kind: 'correction' }).update({ due_at: new Date(Date.now() - 60_000).toISOString() });
    for (let i = 0; i < 120; i++) {
      const open = await database.db('deadlines').whereIn('case_id', ids).andWhere({ kind: 'correction' }).whereNull('fired_at').count({ n: '*' });
      if (Number(open[0]!.n) === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 1500)); // give a double firing the chance to show
    const fired = await database.db('deadlines').whereIn('case_id', ids).andWhere({ kind: 'correction' });
    expect(fired.every((d) => d.fired_at)).toBe(true);
    const expiries = await database.db('case_events').whereIn('case_id', ids).andWhere({ type: 'CORRECTION_EXPIRED' }).select('case_id');
    expect(expiries).toHaveLength(ids.length);
    expect(new Set(expiries.map((e) => e.case_id)).size).toBe(ids.length);
    const states = await database.db('cases').whereIn('id', ids).distinct('state');
    expect(states).toEqual([{ state: 'withdrawn' }]);
  }, 120_000);
});
