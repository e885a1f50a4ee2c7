// Case milestones pushed to a provincial platform's webhook through the outbox: a local HTTP
// receiver that fails the first pushes, a crash between a push and its `done` mark, a server
// restart — and every milestone arrives, signed, and is counted exactly once by its idempotency key.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type StartedRuntime } from '../../core/src/runtime/create-runtime.ts';
import { buildServer } from '../../core/src/server/build-server.ts';
import { foldCaseEvents, signature } from '../../core/src/stats/index.ts';
import { applicationData } from '../support/test-items.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/test-server.ts';

const SECRET = 'province-webhook-secret-0001';

/**
 * Folds until the cursor has passed every event: on PostgreSQL a fold stops before any transaction
 * still open on the server (other test files' too), so it may take a few rounds.
 */
async function foldAll(stats: Parameters<typeof foldCaseEvents>[0]): Promise<void> {
  const events = Number((await stats.db('case_events').count({ n: '*' }))[0]!.n);
  for (let round = 0; round < 200; round += 1) {
    await foldCaseEvents(stats);
    if (Number((await stats.db('stats_cursors').first()).folded) >= events) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the fold did not reach the end of the event log');
}

interface Delivery {
  key: string;
  event: string;
  milestone: string;
  caseNumber: string;
  signed: boolean;
}

describe.each(['sqlite', 'postgres'] as const)('on %s', (kind) => {
  let s: TestServer;
  let receiver: Server;
  let restarted: StartedRuntime | null = null;
  const deliveries: Delivery[] = [];
  let failFirst = 2;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (failFirst > 0) {
          failFirst -= 1;
          res.writeHead(503).end();
          return;
        }
        const parsed = JSON.parse(body) as { milestone: string; case: { number: string } };
        deliveries.push({
          key: String(req.headers['idempotency-key']),
          event: String(req.headers['x-bianmin-event']),
          milestone: parsed.milestone,
          caseNumber: parsed.case.number,
          signed: req.headers['x-bianmin-signature'] === signature(SECRET, String(req.headers['x-bianmin-timestamp']), body),
        });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/bianmin`;
    s = await startTestServer({ kind, env: { BIANMIN_WEBHOOKS: JSON.stringify([{ id: 'province', url, secret: SECRET }]) } });
  });
  afterAll(async () => {
    await restarted?.close();
    await s?.close();
    receiver?.close();
  });

  it('pushes each milestone once by its idempotency key across failures, a lost done mark and a restart', async () => {
    const token = await s.login('clerk-wx');
    const create = async (itemCode: string) => (await s.call(token, 'POST', '/api/cases', { itemCode, data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } })).body;
    const step = async (id: string, type: string, payload?: Record<string, unknown>) => expect((await s.call(token, 'POST', `/api/cases/${id}/events`, { type, ...(payload ? { payload } : {}) })).status).toBe(200);
    const quick = await create('t-immediate');
    await step(quick.id, 'ACCEPT');
    await step(quick.id, 'APPROVE', { opinion: '同意' });
    await step(quick.id, 'SEAL');
    await step(quick.id, 'DELIVER', { mode: 'window-pickup', recipientName: '张三' });
    const referred = await create('t-returned');
    await step(referred.id, 'REFER', { reason: '供水开户由供水企业办理' });
    await create('t-promised');

    await foldAll(s.started.runtime.stats);
    await s.started.runtime.outbox.drain();
    const rows = () => s.database.db('outbox').where({ kind: 'webhook' }).orderBy('id').select('id', 'effect_id', 'status', 'attempts');
    expect(await rows()).toHaveLength(6);
    expect((await rows()).filter((r: { attempts: number }) => Number(r.attempts) > 0)).toHaveLength(2);
    // A crash after a push reached the platform but before its row was marked done.
    const pushed = (await rows()).find((r: { status: string }) => r.status === 'done')!;
    await s.database.db('outbox').where({ id: pushed.id }).update({ status: 'pending', done_at: null, claimed_by: null, claimed_until: null });

    // The server stops and starts again on the same database, later.
    await s.started.close();
    s.clock.now = new Date(s.clock.now.getTime() + 10 * 60_000);
    restarted = await createRuntime({
      db: s.database.db,
      env: { BIANMIN_ADMIN_PASSWORD: ADMIN_PASSWORD, BIANMIN_SECRET: 'test-secret-test-secret-test-secret!', BIANMIN_WEBHOOKS: JSON.stringify([{ id: 'province', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/bianmin`, secret: SECRET }]) },
      pluginFolders: [s.pluginDir],
      onlyPluginFolders: true,
      now: () => new Date(s.clock.now),
      channels: [],
      publicBaseUrl: 'http://127.0.0.1:3000',
    });
    const app = await buildServer(restarted.runtime, { webRoot: '/nonexistent' });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk-wx', password: DEMO_PASSWORD } });
    const after = await app.inject({
      method: 'POST', url: '/api/cases', headers: { authorization: `Bearer ${login.json().token}` },
      payload: { itemCode: 't-immediate', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } },
    });
    expect(after.statusCode).toBe(201);
    // A fold after the restart enqueues only what is new.
    await foldAll(restarted.runtime.stats);
    restarted.runtime.outbox.kick();
    await restarted.runtime.outbox.drain();
    for (let i = 0; i < 50 && (await rows()).some((r: { status: string }) => r.status !== 'done'); i += 1) {
      restarted.runtime.outbox.kick();
      await restarted.runtime.outbox.drain();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await app.close();

    expect(await rows()).toHaveLength(7);
    expect((await rows()).every((r: { status: string }) => r.status === 'done')).toBe(true);
    expect(deliveries.every((d) => d.signed && d.event === d.milestone)).toBe(true);
    // At least once on the wire (the push whose done mark was lost came twice) …
    expect(deliveries.length).toBe(8);
    // … exactly once by idempotency key.
    const once = new Map(deliveries.map((d) => [d.key, d]));
    expect(once.size).toBe(7);
    const milestones = [...once.values()].map((d) => `${d.caseNumber}:${d.milestone}`).sort();
    expect(milestones.filter((m) => m.endsWith(':received'))).toHaveLength(4);
    expect(milestones).toEqual(expect.arrayContaining([
      `${quick.number}:received`, `${quick.number}:accepted`, `${quick.number}:concluded`, `${referred.number}:received`, `${referred.number}:referred`, `${after.json().number}:received`,
    ]));
  });
});

describe.each(['sqlite', 'postgres'] as const)('the NDJSON feed on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ kind });
  });
  afterAll(() => s?.close());

  it('serves cases in the order they changed, masked, and continues from its cursor with what changed since', async () => {
    const token = await s.login('clerk-wx');
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      s.clock.now = new Date(s.clock.now.getTime() + 60_000);
      ids.push((await s.call(token, 'POST', '/api/cases', { itemCode: 't-immediate', data: applicationData(), materials: { 'id-card': 'provided', 'bank-card': 'provided' } })).body.id);
    }
    const supervisor = await s.login('supervisor');
    const lines = (body: unknown) => (body as Buffer).toString('utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const first = await s.app.inject({ method: 'GET', url: '/api/export/cases?limit=2', headers: { authorization: `Bearer ${supervisor}` } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('application/x-ndjson');
    const page1 = lines(first.rawPayload);
    expect(page1.map((c: { id: string }) => c.id)).toEqual(ids.slice(0, 2));
    expect(page1[0]).toMatchObject({ itemCode: 't-immediate', state: 'received', open: true, applicant: { name: '张*', phone: '139****1234', idNumber: expect.stringContaining('*') } });
    expect(JSON.stringify(page1)).not.toContain('13905751234');
    const cursor = String(first.headers['x-next-cursor']);
    // The first case changes: it comes again after the third.
    s.clock.now = new Date(s.clock.now.getTime() + 60_000);
    expect((await s.call(token, 'POST', `/api/cases/${ids[0]}/events`, { type: 'ACCEPT' })).status).toBe(200);
    const next = await s.app.inject({ method: 'GET', url: `/api/export/cases?cursor=${cursor}`, headers: { authorization: `Bearer ${supervisor}` } });
    expect(lines(next.rawPayload).map((c: { id: string; state: string }) => [c.id, c.state])).toEqual([[ids[2], 'received'], [ids[0], 'accepted']]);
    const idle = await s.app.inject({ method: 'GET', url: `/api/export/cases?cursor=${next.headers['x-next-cursor']}`, headers: { authorization: `Bearer ${supervisor}` } });
    expect(idle.rawPayload.length).toBe(0);
    expect(idle.headers['x-next-cursor']).toBe(next.headers['x-next-cursor']);
    const since = await s.app.inject({ method: 'GET', url: `/api/export/cases?since=${encodeURIComponent(s.clock.now.toISOString())}`, headers: { authorization: `Bearer ${supervisor}` } });
    expect(lines(since.rawPayload).map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect((await s.call(token, 'GET', '/api/export/cases')).status).toBe(403);
  });
});
