// Benchmark: the deadline sweep over 100,000 open cases. A few template cases are made through the
// real engine (so rows, snapshots and deadlines are what the engine writes), then cloned in bulk
// (cases, case_events, documents, deadlines) with new ids; half of the cases get their deadlines
// moved into the past. Then sweepDeadlines (500 per call, as the server's timer calls it) is timed
// until nothing is due.
//
//   node --import tsx bench/sweep.ts [--cases 100000] [--db sqlite|pg] [--pg postgres://…]
// On PostgreSQL it also prints the plan of the sweeper's query and an idle sweep after VACUUM ANALYZE.
//
// Templates (share of the cases):
//   80 % social-security-card after ACCEPT — promised-warning and promised-overdue deadlines
//        (no event: the sweep writes a staff notification to the outbox);
//   10 % employment-registration in correction — a `correction` deadline whose event
//        CORRECTION_EXPIRED the sweep sends through the engine;
//   10 % employment-registration just received — an immediate-target deadline (flag only).
// The outbox worker is not run (lib/idle-outbox.ts).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRuntime } from '../core/src/runtime/create-runtime.ts';
import { benchStoreKind, openBenchStore } from './lib/bench-store.ts';
import { sweepDeadlines, type CaseUser } from '../core/src/cases/index.ts';
import { DUE_DEADLINES } from '../core/src/cases/deadline-sweeper.ts';
import { ScenarioClock } from '../core/src/scenarios/scenario-clock.ts';
import type { Scenario } from '@bianmin/contract';
import { idleOutbox } from './lib/idle-outbox.ts';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'sqlite' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    limit: { type: 'string', default: '500' },
  },
});
const N = Number(args.cases);
const LIMIT = Number(args.limit);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const fixture = (f: string) => JSON.parse(readFileSync(join(ROOT, 'plugins', f), 'utf8')) as Scenario;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

const store = await openBenchStore('sweep', benchStoreKind(args.db), args.pg!);
const db = store.db;
const START = '2025-03-03T09:00:00+08:00';
const clock = new ScenarioClock(START);
const started = await createRuntime({ db, now: clock.now, env: { BIANMIN_ADMIN_PASSWORD: 'bench' } });
const rt = started.runtime;
idleOutbox(rt.engine);
const clerk: CaseUser = { id: 'bench:clerk@wx', name: '五泄窗口', roles: ['clerk'], orgId: 'wx' };

try {
  // --- templates through the engine
  const card = fixture('human-resources/items/social-security-card/test/cases/happy-path.json');
  const corr = fixture('human-resources/items/employment-registration/test/cases/correction-photo.json');
  const promised = await rt.engine.create(clerk, { itemCode: card.item, data: card.data, materials: card.materials ?? {} });
  clock.tick();
  await rt.engine.send(clerk, promised.id, { type: 'ACCEPT' });
  clock.tick();
  const correcting = await rt.engine.create(clerk, { itemCode: corr.item, data: corr.data, materials: corr.materials ?? {} });
  clock.tick();
  await rt.engine.send(clerk, correcting.id, { type: corr.steps[0]!.event, payload: corr.steps[0]!.payload });
  clock.tick();
  const immediate = await rt.engine.create(clerk, { itemCode: corr.item, data: corr.data, materials: { ...(corr.materials ?? {}), photo: 'provided' } });
  const templates = [
    { id: promised.id, share: 0.8 },
    { id: correcting.id, share: 0.1 },
    { id: immediate.id, share: 0.1 },
  ];
  const tpl: { id: string; share: number; row: any; events: any[]; documents: any[]; deadlines: any[] }[] = [];
  for (const t of templates) {
    const row = await db('cases').where({ id: t.id }).first();
    const events = await db('case_events').where({ case_id: t.id }).orderBy('seq');
    const documents = await db('documents').where({ case_id: t.id });
    const deadlines = await db('deadlines').where({ case_id: t.id }).whereNull('fired_at');
    console.log(`template ${row.item_code} state ${row.state}: deadlines ${deadlines.map((d: any) => `${d.kind}${d.event_type ? `→${d.event_type}` : ''}`).join(', ')}; ${events.length} events, ${documents.length} documents`);
    tpl.push({ ...t, row, events, documents, deadlines });
  }
  const now = new Date(Date.parse(START) + 10 * 60_000);
  clock.set(now);

  // --- bulk clone
  const b0 = process.hrtime.bigint();
  const BATCH = 500;
  let dueCases = 0;
  let dueDeadlines = 0;
  const dayMs = 86_400_000;
  for (let start = 0; start < N; start += BATCH) {
    const cases: any[] = [];
    const events: any[] = [];
    const documents: any[] = [];
    const deadlines: any[] = [];
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      const f = (i % 10) / 10;
      const t = f < 0.8 ? tpl[0]! : f < 0.9 ? tpl[1]! : tpl[2]!;
      const id = randomUUID();
      const swap = (v: unknown) => (typeof v === 'string' ? v.split(t.id).join(id) : v);
      const cloneRow = (r: any) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, swap(v)]));
      cases.push({ ...cloneRow(t.row), id, number: `BENCH${String(i).padStart(8, '0')}` });
      for (const e of t.events) {
        const { id: _id, ...rest } = e;
        events.push({ ...cloneRow(rest), case_id: id });
      }
      for (const d of t.documents) documents.push({ ...cloneRow(d), id: randomUUID(), case_id: id, number: `${d.number}-B${i}`, seq: d.seq + 1 + i });
      // Half the cases due: deadlines 1 minute to 30 days in the past; the others 1 to 30 days ahead.
      const past = Math.floor(i / 10) % 2 === 0;
      if (past) dueCases += 1;
      for (const d of t.deadlines) {
        const { id: _id, ...rest } = d;
        const offset = (1 + ((i * 7919) % (30 * 24 * 60))) * 60_000;
        const due = new Date(now.getTime() + (past ? -offset : offset + dayMs)).toISOString();
        if (past) dueDeadlines += 1;
        deadlines.push({ ...rest, case_id: id, due_at: due });
      }
    }
    await db.transaction(async (trx) => {
      await trx.batchInsert('cases', cases, 200);
      await trx.batchInsert('case_events', events, 200);
      if (documents.length) await trx.batchInsert('documents', documents, 50);
      await trx.batchInsert('deadlines', deadlines, 200);
    });
  }
  const insertMs = ms(b0);
  const counts = {
    cases: Number((await db('cases').count({ n: '*' }).first())!.n),
    deadlines: Number((await db('deadlines').whereNull('fired_at').count({ n: '*' }).first())!.n),
    due: Number((await db('deadlines').whereNull('fired_at').andWhere('due_at', '<=', now.toISOString()).count({ n: '*' }).first())!.n),
  };
  console.log(`inserted ${N} cases in ${(insertMs / 1000).toFixed(1)} s: ${counts.cases} cases, ${counts.deadlines} unfired deadlines, ${counts.due} due (${dueCases} cases)`);
  if (args.db !== 'pg') await db.raw('analyze');
  else await db.raw('analyze');

  // --- sweep until none is due
  const calls: number[] = [];
  let fired = 0;
  let eventsSent = 0;
  const s0 = process.hrtime.bigint();
  for (;;) {
    // Keep the calendar cache fresh through the pool, as the server's requests do: with a cache older
    // than 5 minutes, engine.send inside the sweeper's transaction reloads it through the pool and,
    // on SQLite's single connection, waits for itself (KnexTimeoutError after 60 s; see RESULTS.md).
    await rt.calendar.ensureYears(2025, 2026);
    const c0 = process.hrtime.bigint();
    const r = await sweepDeadlines(db, rt.engine, 'bench', now, LIMIT);
    calls.push(ms(c0));
    fired += r.fired;
    eventsSent += r.events;
    if (calls.length % 20 === 0) console.log(`  ${calls.length} calls, ${fired} fired, ${eventsSent} events, ${(ms(s0) / 1000).toFixed(0)} s`);
    if (r.fired === 0) break;
  }
  const sweepMs = ms(s0);
  const left = Number((await db('deadlines').whereNull('fired_at').andWhere('due_at', '<=', now.toISOString()).count({ n: '*' }).first())!.n);
  const outbox = Number((await db('outbox').where({ status: 'pending', kind: 'notify' }).count({ n: '*' }).first())!.n);
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  // An idle sweep (nothing due) — the cost of the 30-second timer on a quiet day.
  const i0 = process.hrtime.bigint();
  for (let k = 0; k < 20; k++) await sweepDeadlines(db, rt.engine, 'bench', now, LIMIT);
  const idleMs = ms(i0) / 20;
  // PostgreSQL: the same after VACUUM ANALYZE, to tell stale statistics and dead index entries (the
  // 95,000 rows just updated) from the query's own cost.
  let vacuumedIdleMs: number | undefined;
  if (args.db === 'pg') {
    await db.raw('vacuum analyze deadlines');
    const v0 = process.hrtime.bigint();
    for (let k = 0; k < 20; k++) await sweepDeadlines(db, rt.engine, 'bench', now, LIMIT);
    vacuumedIdleMs = ms(v0) / 20;
    const plan = await db.raw(`explain analyze ${DUE_DEADLINES}`, [now.toISOString(), LIMIT]);
    console.log((plan.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n'));
  }

  const storeName = args.db === 'pg' ? 'PostgreSQL' : 'SQLite (better-sqlite3)';
  console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`\n| measure (${storeName}) | value |\n|---|---|`);
  console.log(`| open cases / unfired deadlines / due | ${counts.cases} / ${counts.deadlines} / ${counts.due} |`);
  console.log(`| bulk insert of the clones | ${(insertMs / 1000).toFixed(1)} s |`);
  console.log(`| sweep until none due | ${(sweepMs / 1000).toFixed(1)} s, ${calls.length} calls of ≤${LIMIT} |`);
  console.log(`| deadlines fired | ${fired} (${((fired * 1000) / sweepMs).toFixed(0)}/s), of which events sent ${eventsSent} |`);
  console.log(`| one call (≤${LIMIT} deadlines) p50 / max | ${q(calls, 0.5).toFixed(0)} / ${Math.max(...calls).toFixed(0)} ms |`);
  console.log(`| due left afterwards / notify rows queued | ${left} / ${outbox} |`);
  console.log(`| idle sweep (nothing due) | ${idleMs.toFixed(1)} ms |`);
  if (vacuumedIdleMs !== undefined) console.log(`| idle sweep after VACUUM ANALYZE deadlines | ${vacuumedIdleMs.toFixed(1)} ms |`);
} finally {
  // The queued notifications are bench data: leave nothing for close() to drain through the worker.
  await db('outbox').where({ status: 'pending' }).update({ status: 'done' }).catch(() => {});
  await started.close();
  await store.remove();
}
