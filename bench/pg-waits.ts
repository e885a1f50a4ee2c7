// Diagnostic: what concurrent case creations (or ACCEPT events) wait for on PostgreSQL. Runs
// --concurrency engine calls at a time in-process (pool of 10, as the server) for --duration
// seconds and samples pg_stat_activity every 20 ms, tallying the wait events of our connections.
//
//   node --import tsx bench/pg-waits.ts [--concurrency 16] [--duration 10] [--op create|accept]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createRuntime } from '../core/src/runtime/create-runtime.ts';
import { openBenchStore } from './lib/bench-store.ts';
import type { CaseUser } from '../core/src/cases/index.ts';
import type { Scenario } from '@bianmin/contract';
import { idleOutbox } from './lib/idle-outbox.ts';

const { values: args } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '16' },
    duration: { type: 'string', default: '10' },
    op: { type: 'string', default: 'create' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const fx = JSON.parse(readFileSync(join(ROOT, 'plugins/human-resources/items/social-security-card/test/cases/happy-path.json'), 'utf8')) as Scenario;
const store = await openBenchStore('waits', 'pg', args.pg!);
const db = store.db;
// Samples pg_stat_activity on a connection of its own, outside the pool it watches.
const admin = new pg.Client(args.pg);
await admin.connect();
const now = () => new Date('2025-06-02T02:00:00Z');
const started = await createRuntime({ db, now, env: { BIANMIN_ADMIN_PASSWORD: 'bench' } });
const rt = started.runtime;
idleOutbox(rt.engine);
const clerk: CaseUser = { id: 'bench', name: '五泄窗口', roles: ['clerk'], orgId: 'wx' };
const body = { itemCode: fx.item, data: fx.data, materials: fx.materials ?? {} };
try {
  const C = Number(args.concurrency);
  const pool: string[] = [];
  if (args.op === 'accept') for (let i = 0; i < 3000; i++) pool.push((await rt.engine.create(clerk, body)).id);
  const pids = (await db.raw('select pg_backend_pid() as pid')).rows; // warms one; we filter by query text below
  void pids;
  const waits = new Map<string, number>();
  let samples = 0;
  let done = 0;
  let stop = false;
  const sampler = (async () => {
    while (!stop) {
      const r = await admin.query(
        `select coalesce(wait_event_type, 'CPU/running') || ':' || coalesce(wait_event, '-') || ' ' || state as w, count(*)::int as n
           from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
            and (query ilike '%counters%' or query ilike '%cases%' or query ilike '%documents%' or query ilike '%deadlines%' or query ilike '%case_events%' or query ilike '%outbox%' or query ilike '%item_overlays%' or query in ('BEGIN;', 'COMMIT;', 'BEGIN', 'COMMIT'))
          group by 1`,
      );
      samples += 1;
      for (const row of r.rows) waits.set(row.w, (waits.get(row.w) ?? 0) + row.n);
      await new Promise((ok) => setTimeout(ok, 20));
    }
  })();
  const until = Date.now() + Number(args.duration) * 1000;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (Date.now() < until) {
        if (args.op === 'accept') {
          const id = pool.pop();
          if (!id) break;
          await rt.engine.send(clerk, id, { type: 'ACCEPT' });
        } else await rt.engine.create(clerk, body);
        done += 1;
      }
    }),
  );
  const secs = (Date.now() - t0) / 1000;
  stop = true;
  await sampler;
  console.log(`${args.op} × ${C} concurrent, pool 10: ${done} in ${secs.toFixed(1)} s = ${(done / secs).toFixed(0)}/s\n`);
  console.log('| backend wait (pg_stat_activity) | mean backends per sample |\n|---|---|');
  for (const [w, n] of [...waits].sort((a, b) => b[1] - a[1])) console.log(`| ${w} | ${(n / samples).toFixed(2)} |`);
} finally {
  await started.close();
  await admin.end();
  await store.remove();
}
