// Benchmark (issue 2): loading 1,000 items. Generates valid items from the shipped item.json files
// (every procedure kind; the bundle is left out) into a temporary plugin folder, then times
// createRuntime on an in-memory SQLite database with only that folder, and separately the two
// phases inside it: loadPlugins (read + schema and semantic checks + procedure compilation) and
// registerItems (registry + one item_definitions row per item).
//
// Then (issue 21) the shipped catalogue: a first start on a fresh SQLite file and two restarts on
// it, and the heap after each closed runtime (a closed runtime must be freed: no growth run to run).
//
//   node --expose-gc --import tsx bench/load-items.ts [--count 1000] [--plugins 1] [--runs 3] [--shipped-only]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    plugins: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    'shipped-only': { type: 'boolean', default: false },
  },
});
const COUNT = Number(args.count);
const PLUGINS = Number(args.plugins);
const RUNS = Number(args.runs);
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const { createRuntime } = await import('../core/src/runtime/create-runtime.ts');
const { itemChecks } = await import('../core/src/runtime/item-checks.ts');
const { openDatabase, migrate } = await import('../core/src/store/index.ts');
const { discoverPlugins, loadPlugins } = await import('../core/src/plugin-loading/index.ts');
const { registerItems } = await import('../core/src/runtime/register-items.ts');
const { ItemRegistry } = await import('../core/src/registry/index.ts');
const { ItemRuntime } = await import('../core/src/cases/index.ts');
const { createFormValidator } = await import('@bianmin/forms');
const { seedDemoCounty, seedDemoSeals } = await import('../core/src/seed/index.ts');
const { seedBuiltinDeliveryModes, listDeliveryModes } = await import('../core/src/delivery/index.ts');

// --- templates: every shipped item but bundles (a bundle references other items' codes), read from
// the last commit (the working tree is edited concurrently), and only those the loader accepts.
import { execFileSync } from 'node:child_process';
interface Template { file: string; item: Record<string, any> }
let templates: Template[] = execFileSync('git', ['ls-tree', '-r', '--name-only', 'HEAD', 'plugins'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /^plugins\/[^/]+\/items\/[^/]+\/item\.json$/.test(f))
  .map((file) => ({ file, item: JSON.parse(execFileSync('git', ['show', `HEAD:${file}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 })) }))
  .filter((t) => !t.item.bundle);
const kinds = new Map<string, number>();

function generate(dir: string, count = COUNT, plugins = PLUGINS): void {
  const perPlugin = Math.ceil(count / plugins);
  let n = 0;
  for (let p = 0; p < plugins; p++) {
    const pdir = join(dir, `bench-plugin-${p}`);
    mkdirSync(join(pdir, 'items'), { recursive: true });
    writeFileSync(
      join(pdir, 'package.json'),
      JSON.stringify({ name: `bench-plugin-${p}`, version: '1.0.0', private: true, bianmin: { manifest: './bianmin.json', itemsDir: './items' } }),
    );
    writeFileSync(join(pdir, 'bianmin.json'), JSON.stringify({ contractVersion: '1', namespace: `bench-${p}`, items: [] }));
    for (let i = 0; i < perPlugin && n < count; i++, n++) {
      const t = templates[n % templates.length]!;
      const item = structuredClone(t.item);
      item.code = `bench-${String(n).padStart(4, '0')}-${t.item.code}`.slice(0, 80);
      item.name = `${t.item.name}（压测 ${n}）`;
      item.guide.name = item.name;
      kinds.set(item.procedure.kind, (kinds.get(item.procedure.kind) ?? 0) + 1);
      mkdirSync(join(pdir, 'items', item.code));
      writeFileSync(join(pdir, 'items', item.code, 'item.json'), JSON.stringify(item, null, 2));
    }
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
function mem() {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}
const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};

/** The shipped plugins: a first start on a fresh file, then restarts on it (what a county's server does). */
async function shippedCatalogue(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-bench-shipped-'));
  try {
    for (let i = 0; i < 3; i++) {
      const db = openDatabase({ dataDir: dir });
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      const s = await createRuntime({ db, env: {} });
      const wall = ms(t0);
      const cpu = cpuMs(c0);
      console.log(`shipped catalogue, ${i === 0 ? 'first start (fresh file: migrations, demo county, seals)' : `restart ${i}`}: createRuntime ${wall.toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms), ${s.runtime.registry.list().length} items, refused plugins ${s.runtime.plugins.refused.length}`);
      await s.close();
      await db.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args['shipped-only']) {
  await shippedCatalogue();
  process.exit(0);
}
const tmp = mkdtempSync(join(tmpdir(), 'bianmin-bench-items-'));
const empty = mkdtempSync(join(tmpdir(), 'bianmin-bench-empty-'));
try {
  // Drop templates the current loader refuses (reported below), then generate.
  {
    const probe = mkdtempSync(join(tmpdir(), 'bianmin-bench-probe-'));
    generate(probe, templates.length, templates.length);
    const db = openDatabase({ dataDir: ':memory:' });
    const s = await createRuntime({ db, pluginFolders: [probe], onlyPluginFolders: true, env: {} });
    const bad = new Set<number>();
    for (const r of s.runtime.plugins.refused) {
      const i = Number(/bench-plugin-(\d+)/.exec(r.dir)?.[1]);
      bad.add(i);
      console.log(`template refused by the loader: ${templates[i]!.file}: ${r.problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
    }
    await s.close();
    await db.destroy();
    rmSync(probe, { recursive: true, force: true });
    templates = templates.filter((_, i) => !bad.has(i));
    kinds.clear();
  }
  const t0 = process.hrtime.bigint();
  generate(tmp);
  console.log(`generated ${COUNT} items in ${PLUGINS} plugin(s) in ${ms(t0).toFixed(0)} ms from ${templates.length} templates; kinds ${JSON.stringify(Object.fromEntries(kinds))}`);

  // Warm-up: import side effects, first ajv/xstate compilations, on an empty folder.
  {
    const s = await createRuntime({ db: openDatabase({ dataDir: ':memory:' }), pluginFolders: [empty], onlyPluginFolders: true, env: {} });
    await s.close();
    await s.runtime.db.destroy();
  }

  const rows: { run: number; baseline: number; total: number; cpu: number; heapBefore: number; heapAfter: number; heapClosed: number; rssBefore: number; rssAfter: number; items: number; refused: number }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    // Baseline: the same createRuntime with no items (migrations, demo seed).
    const db0 = openDatabase({ dataDir: ':memory:' });
    const b0 = process.hrtime.bigint();
    const s0 = await createRuntime({ db: db0, pluginFolders: [empty], onlyPluginFolders: true, env: {} });
    const baseline = ms(b0);
    await s0.close();
    await db0.destroy();

    const before = mem();
    // In a function, so that nothing of the runtime is in scope when the heap is measured after close.
    const one = async () => {
      const db = openDatabase({ dataDir: ':memory:' });
      const t1 = process.hrtime.bigint();
      const c1 = process.cpuUsage();
      const started = await createRuntime({ db, pluginFolders: [tmp], onlyPluginFolders: true, env: {} });
      const total = ms(t1);
      const cpu = cpuMs(c1);
      const after = mem();
      const items = started.runtime.registry.list().length;
      const refused = started.runtime.plugins.refused.length;
      if (refused) console.log('refused:', JSON.stringify(started.runtime.plugins.refused.map((r) => r.problems.slice(0, 3))));
      await started.close();
      await db.destroy();
      return { total, cpu, after, items, refused };
    };
    const { total, cpu, after, items, refused } = await one();
    const closed = mem();
    rows.push({ run, baseline, total, cpu, heapBefore: before.heap, heapAfter: after.heap, heapClosed: closed.heap, rssBefore: before.rss, rssAfter: after.rss, items, refused });
    console.log(
      `run ${run}: createRuntime ${total.toFixed(0)} ms, CPU ${cpu.toFixed(0)} ms (baseline without items ${baseline.toFixed(0)} ms); registry ${items} items, refused plugins ${refused}; ` +
        `heap ${mib(before.heap)} → ${mib(after.heap)} MiB, after close ${mib(closed.heap)} MiB; RSS ${mib(before.rss)} → ${mib(after.rss)} MiB`,
    );
  }

  // Phases, on a fresh seeded database, the way createRuntime runs them.
  const phases: { discover: number; load: number; register: number }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const db = openDatabase({ dataDir: ':memory:' });
    await migrate(db);
    const seed = await seedDemoCounty(db, {});
    await seedDemoSeals(db, seed.orgs, new Date());
    await seedBuiltinDeliveryModes(db, new Date());
    const items = new ItemRuntime(createFormValidator({ logger: false }));
    const sealCodes = (await db('seals').distinct('code')).map((r: { code: string }) => r.code);
    const deliveryModeCodes = (await listDeliveryModes(db)).map((m: { code: string }) => m.code);
    const a = process.hrtime.bigint();
    const locations = discoverPlugins({ root: ROOT, folders: [tmp], onlyFolders: true });
    const discover = ms(a);
    const b = process.hrtime.bigint();
    const report = await loadPlugins(locations, { sealCodes, deliveryModeCodes, itemCodes: [], ...itemChecks(items) });
    const load = ms(b);
    const c = process.hrtime.bigint();
    await registerItems(db, new ItemRegistry(), report, new Date());
    const register = ms(c);
    phases.push({ discover, load, register });
    console.log(`phases run ${run}: discover ${discover.toFixed(1)} ms, loadPlugins ${load.toFixed(0)} ms, registerItems ${register.toFixed(0)} ms`);
    await db.destroy();
  }

  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  console.log('\n| measure | median of ' + RUNS + ' |\n|---|---|');
  console.log(`| createRuntime with ${COUNT} items | ${median(rows.map((r) => r.total)).toFixed(0)} ms |`);
  console.log(`| CPU of createRuntime with ${COUNT} items | ${median(rows.map((r) => r.cpu)).toFixed(0)} ms |`);
  console.log(`| createRuntime with no items (baseline) | ${median(rows.map((r) => r.baseline)).toFixed(0)} ms |`);
  console.log(`| → loadPlugins (read, check, compile) | ${median(phases.map((p) => p.load)).toFixed(0)} ms (${(median(phases.map((p) => p.load)) / COUNT).toFixed(2)} ms/item) |`);
  console.log(`| → registerItems (registry + item_definitions rows) | ${median(phases.map((p) => p.register)).toFixed(0)} ms |`);
  console.log(`| → discoverPlugins | ${median(phases.map((p) => p.discover)).toFixed(1)} ms |`);
  console.log(`| heap used before → after (after gc) | ${mib(median(rows.map((r) => r.heapBefore)))} → ${mib(median(rows.map((r) => r.heapAfter)))} MiB |`);
  console.log(`| RSS before → after | ${mib(median(rows.map((r) => r.rssBefore)))} → ${mib(median(rows.map((r) => r.rssAfter)))} MiB |`);
  console.log(`| RSS growth, first run | ${mib(rows[0]!.rssAfter - rows[0]!.rssBefore)} MiB |`);
  console.log(`| heap after each closed runtime (runs 1…${RUNS}) | ${rows.map((r) => mib(r.heapClosed)).join(' → ')} MiB |`);
  await shippedCatalogue();
} finally {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
}
