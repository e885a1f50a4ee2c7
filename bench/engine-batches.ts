// Benchmark: one step of the happy path in-process, 16 cases at a time as over HTTP (so on SQLite
// they share group commits), without HTTP — the CPU a step and its case view cost the engine. Cases
// are walked to the step first (not measured); --profile prints where the step's time goes.
// engine-hot-path.ts is the one-at-a-time companion (each call commits alone, per-statement times).
//
//   node --import tsx bench/engine-batches.ts [--event ACCEPT|APPROVE|SEAL|DELIVER] [--count 3000]
//        [--concurrency 16] [--db sqlite|sqlite3|pg] [--profile]
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRuntime } from '../core/src/runtime/create-runtime.ts';
import { caseView, type CaseUser, type StepResult } from '../core/src/cases/index.ts';
import type { Scenario } from '@bianmin/contract';
import { benchStoreKind, openBenchStore } from './lib/bench-store.ts';
import { summariseProfile } from './lib/cpu-profile.ts';
import { idleOutbox } from './lib/idle-outbox.ts';

const { values: args } = parseArgs({
  options: {
    event: { type: 'string', default: 'ACCEPT' },
    count: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '16' },
    db: { type: 'string', default: 'sqlite' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    profile: { type: 'boolean', default: false },
  },
});
const N = Number(args.count);
const AT_ONCE = Number(args.concurrency);
const WARM_UP = 20 * AT_ONCE;
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const fixture = JSON.parse(readFileSync(join(ROOT, 'plugins/human-resources/items/social-security-card/test/cases/happy-path.json'), 'utf8')) as Scenario;
const users: Record<string, CaseUser> = {
  clerk: { id: 'bench-clerk', name: '五泄窗口', roles: ['clerk'], orgId: 'wx' },
  approver: { id: 'bench-approver', name: '五泄审批', roles: ['approver'], orgId: 'wx' },
};
// The step measured is the fixture's first step with this event (APPROVE: the clerk's review).
const stepIndex = fixture.steps.findIndex((s) => s.event === args.event);
if (stepIndex < 0) throw new Error(`the happy path has no ${args.event}; it has ${fixture.steps.map((s) => s.event).join(', ')}`);
const stepOf = (i: number) => ({ user: users[fixture.steps[i]!.as ?? 'clerk']!, input: { type: fixture.steps[i]!.event, payload: fixture.steps[i]!.payload ?? {} } });
const measured = stepOf(stepIndex);

const store = await openBenchStore('engine', benchStoreKind(args.db), args.pg!);
// Pinned inside 2025, as engine-hot-path.ts does, so the seeded calendars cover every due date.
const now = () => new Date('2025-06-02T02:00:00Z');
const started = await createRuntime({ db: store.db, now, env: { BIANMIN_ADMIN_PASSWORD: 'bench' } });
const rt = started.runtime;
idleOutbox(rt.engine);
try {
  const body = { itemCode: fixture.item, data: fixture.data, materials: fixture.materials ?? {} };
  const ids: string[] = [];
  for (let i = 0; i < N + WARM_UP; i++) {
    const id = (await rt.engine.create(users.clerk!, body)).id;
    for (let s = 0; s < stepIndex; s++) await rt.engine.send(stepOf(s).user, id, stepOf(s).input);
    ids.push(id);
  }
  // As the route does: the step, then the view built from what it read and wrote.
  const shown = (r: StepResult) => caseView(rt.engine, rt.orgs, rt.calendar.calendar(), measured.user, r.record, r.parts, now());
  const run = async (from: number, to: number) => {
    for (let i = from; i < to; i += AT_ONCE) {
      await Promise.all(ids.slice(i, Math.min(i + AT_ONCE, to)).map(async (id) => shown(await rt.engine.sendWithParts(measured.user, id, measured.input))));
    }
  };
  await run(N, N + WARM_UP);
  const session = new Session();
  if (args.profile) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await run(0, N);
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  console.log(`${args.event} (step ${stepIndex + 1} of the happy path), ${AT_ONCE} at a time, ${args.db}: ${((N * 1000) / wallMs).toFixed(0)} steps/s, ${((cpu.user + cpu.system) / N).toFixed(0)} µs of CPU per step with its view`);
  if (args.profile) {
    const { profile } = await session.post('Profiler.stop');
    const file = join(mkdtempSync(join(tmpdir(), 'bianmin-engine-batches-')), 'step.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    console.log(`${summariseProfile(file, 40)}\nprofile: ${file}`);
  }
} finally {
  await started.close();
  await store.remove();
}
