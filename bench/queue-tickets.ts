// Benchmark: queue ticketing through the real HTTP server — the kiosk's ticket (POST
// /api/public/queue/tickets) and a window's "next" (POST /api/queue/windows/:id/call-next, each
// client at its own window, the called ticket then finished so the window is free again) — at 16
// concurrent clients. Target (issue 19): p99 < 50 ms. The clients are fetch loops in this process
// (they share its event loop with the server, so the figures include their own cost: an upper bound).
//
//   node --import tsx bench/queue-tickets.ts [--db sqlite|pg] [--clients 16] [--seconds 5]
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { createRuntime } from '../core/src/runtime/create-runtime.ts';
import { buildServer } from '../core/src/server/build-server.ts';
import { benchStoreKind, openBenchStore } from './lib/bench-store.ts';
import { idleOutbox } from './lib/idle-outbox.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    clients: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '5' },
  },
});
const CLIENTS = Number(args.clients);
const SECONDS = Number(args.seconds);
const store = await openBenchStore('tickets', benchStoreKind(args.db), args.pg!);
// A Monday morning inside the default hours.
const NOW = new Date('2026-12-07T09:00:00+08:00');
const started = await createRuntime({ db: store.db, now: () => NOW, env: { BIANMIN_ADMIN_PASSWORD: 'bench-password-1', BIANMIN_SECRET: 'bench-secret-bench-secret-bench-secret!' } });
idleOutbox(started.runtime.engine);
const app = await buildServer(started.runtime, { webRoot: '/nonexistent' });
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const post = async (path: string, token: string | null, body: unknown = {}) => {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const report = (name: string, xs: number[]) =>
  console.log(`${name.padEnd(12)} n=${String(xs.length).padStart(6)}  ${(xs.length / SECONDS).toFixed(0).padStart(5)}/s  p50 ${pct(xs, 50).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms  max ${pct(xs, 100).toFixed(1)} ms`);

async function loop(fn: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  while (Date.now() < end) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

try {
  console.log(`${store.kind}, ${CLIENTS} clients, ${SECONDS} s each; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);
  const token = (await post('/api/auth/login', null, { username: 'clerk-wx', password: 'bianmin-demo' })).token as string;
  const windows = Array.from({ length: CLIENTS }, (_, i) => ({ id: `bench-window-${i}`, org_id: 'wx', name: `压测窗口${i}`, kind: 'general', created_at: NOW.toISOString() }));
  await store.db('windows').insert(windows);

  const issue = (await Promise.all(Array.from({ length: CLIENTS }, () => loop(async () => void (await post('/api/public/queue/tickets', null, { orgId: 'wx', category: 'general' })))))).flat();
  report('issue', issue);

  const calls: number[] = [];
  const other: number[] = [];
  await Promise.all(windows.map((w) => loop(async () => {
    const t0 = performance.now();
    const { ticket } = await post(`/api/queue/windows/${w.id}/call-next`, token);
    calls.push(performance.now() - t0);
    if (!ticket) return;
    const t1 = performance.now();
    await post(`/api/queue/tickets/${ticket.id}/events`, token, { type: 'START' });
    await post(`/api/queue/tickets/${ticket.id}/events`, token, { type: 'FINISH' });
    other.push((performance.now() - t1) / 2);
  })));
  report('call-next', calls);
  report('start/finish', other);
  const dup = await store.db('queue_tickets').where({ org_id: 'wx' }).andWhere('call_count', '>', 1).count({ n: '*' });
  console.log(`tickets called twice: ${Number(dup[0]!.n)}`);
} finally {
  await app.close();
  await started.close();
  await store.remove();
}
