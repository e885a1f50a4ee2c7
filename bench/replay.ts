// Benchmark: replaying case histories. Creates --count cases through the engine in-process
// (createRuntime on a temporary SQLite file or a fresh PostgreSQL schema, demo county), each engine.create + the first --steps
// events of a shipped happy-path fixture, sent as users of the demo county the way the scenario
// runner does; then times replayCase over every case.
//
//   node --import tsx bench/replay.ts [--count 10000] [--steps 4] [--driver better-sqlite3|sqlite3|pg] [--pg postgres://…]
//
// The outbox worker is not run (lib/idle-outbox.ts): PDF rendering of
// the issued documents is measured by documents.bench.ts and would otherwise dominate.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRuntime } from '../core/src/runtime/create-runtime.ts';
import { benchStoreKind, openBenchStore } from './lib/bench-store.ts';
import { replayCase, type CaseUser } from '../core/src/cases/index.ts';
import { ScenarioClock } from '../core/src/scenarios/scenario-clock.ts';
import type { Role, Scenario } from '@bianmin/contract';
import { idleOutbox } from './lib/idle-outbox.ts';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    steps: { type: 'string', default: '4' },
    driver: { type: 'string', default: 'better-sqlite3' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const COUNT = Number(args.count);
const STEPS = Number(args.steps);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
// One item of each procedure kind and receiving level.
const FIXTURES = [
  'plugins/human-resources/items/social-security-card/test/cases/happy-path.json', // promised, township
  'plugins/human-resources/items/employment-registration/test/cases/happy-path.json', // immediate, township
  'plugins/civil-affairs/items/elderly-allowance/test/cases/happy-path.json', // reported, village → township → county
  'plugins/public-utilities/items/gas-account/test/cases/happy-path.json', // returned (referral), township
  'plugins/public-security/items/household-registration-certificate/test/cases/happy-path.json', // immediate, township
];
const scenarios = FIXTURES.map((f) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Scenario);

const clock = new ScenarioClock('2025-03-03T09:00:00+08:00');
const store = await openBenchStore('replay', benchStoreKind(args.driver), args.pg!);
const db = store.db;
const started = await createRuntime({ db, now: clock.now, env: { BIANMIN_ADMIN_PASSWORD: 'bench' } });
const rt = started.runtime;
idleOutbox(rt.engine);
const userAt = (role: Role, orgId: string): CaseUser => ({ id: `bench:${role}@${orgId}`, name: `${role}@${orgId}`, roles: [role], orgId });
const orgOfLevel = (level: string) => rt.orgs.all().find((o) => o.level === level)!.id;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

try {
  const ids: string[] = [];
  let sends = 0;
  let refused = 0;
  let createMs = 0;
  let sendMs = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < COUNT; i++) {
    const s = scenarios[i % scenarios.length]!;
    // Each case starts a minute after the previous one, from 2025-03-03 09:00 (Shanghai).
    clock.set(new Date(Date.parse('2025-03-03T09:00:00+08:00') + i * 60_000));
    const level = s.appliedAt ?? rt.registry.get(s.item)!.definition.level;
    const orgId = orgOfLevel(level);
    const c0 = process.hrtime.bigint();
    const record = await rt.engine.create(userAt(level === 'village' ? 'agent' : 'clerk', orgId), { itemCode: s.item, data: s.data, materials: s.materials ?? {} });
    createMs += ms(c0);
    ids.push(record.id);
    for (const step of s.steps.slice(0, STEPS)) {
      clock.tick();
      if (step.afterWorkingDays) clock.advanceWorkingDays(rt.calendar.calendar(), step.afterWorkingDays);
      const current = (await rt.engine.load(rt.db, record.id))!;
      const stepOrg = step.at === 'receiving' ? current.receivingOrgId : current.currentOrgId;
      const role = (step.as ?? (rt.orgs.get(stepOrg)?.level === 'village' ? 'agent' : 'clerk')) as Role;
      const s0 = process.hrtime.bigint();
      try {
        await rt.engine.send(userAt(role, stepOrg), record.id, { type: step.event, ...(step.payload ? { payload: step.payload } : {}) });
        sends += 1;
      } catch (err) {
        refused += 1;
        if (refused <= 3) console.log(`refused ${s.item} ${step.event}: ${(err as Error).message}`);
      }
      sendMs += ms(s0);
    }
    if ((i + 1) % 1000 === 0) console.log(`${i + 1} cases, ${sends} events, ${(ms(t0) / 1000).toFixed(0)} s`);
  }
  const buildMs = ms(t0);
  const mib = store.sqliteMiB();
  const size = mib === null ? 'PostgreSQL' : `sqlite ${mib.toFixed(0)} MiB`;
  console.log(`built ${COUNT} cases with ${sends} events (${refused} refused) in ${(buildMs / 1000).toFixed(1)} s; ${size}`);

  // Replay, sequentially, twice: the first pass warms the machines' caches.
  const passes: { total: number; perCase: number[]; events: number; mismatches: number }[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const perCase: number[] = [];
    let events = 0;
    let mismatches = 0;
    const r0 = process.hrtime.bigint();
    for (const id of ids) {
      const c0 = process.hrtime.bigint();
      const r = await replayCase(rt.db, rt.engine, id);
      perCase.push(ms(c0));
      events += r.events;
      if (!r.matches) mismatches += 1;
    }
    passes.push({ total: ms(r0), perCase, events, mismatches });
    console.log(`replay pass ${pass + 1}: ${ids.length} cases, ${events} events in ${(ms(r0) / 1000).toFixed(2)} s, mismatches ${mismatches}`);
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
  const last = passes.at(-1)!;
  console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`\n| measure | value |\n|---|---|`);
  console.log(`| cases / events in history | ${COUNT} / ${sends} (${refused} refused) |`);
  console.log(`| building: engine.create mean | ${(createMs / COUNT).toFixed(2)} ms (${((COUNT * 1000) / createMs).toFixed(0)}/s) |`);
  console.log(`| building: engine.send mean | ${(sendMs / (sends + refused)).toFixed(2)} ms (${(((sends + refused) * 1000) / sendMs).toFixed(0)}/s) |`);
  for (const [i, p] of passes.entries()) {
    console.log(`| replayCase over all, pass ${i + 1} | ${(p.total / 1000).toFixed(2)} s (${((COUNT * 1000) / p.total).toFixed(0)} cases/s, ${((p.events * 1000) / p.total).toFixed(0)} events/s) |`);
  }
  console.log(`| replayCase per case p50 / p99 / max (pass 2) | ${q(last.perCase, 0.5).toFixed(2)} / ${q(last.perCase, 0.99).toFixed(2)} / ${Math.max(...last.perCase).toFixed(1)} ms |`);
  console.log(`| replays not matching the stored snapshot | ${last.mismatches} |`);
} finally {
  // The queued notifications are bench data: leave nothing for close() to drain through the worker.
  await db('outbox').where({ status: 'pending' }).update({ status: 'done' }).catch(() => {});
  await started.close();
  await store.remove();
}
