// Benchmark aid (issue 3): which pages a batch of steps writes to SQLite's WAL. A commit costs
// two write() calls per page it changed, so pages per step are what COMMIT costs. Creates cases,
// empties the WAL, runs --batch steps concurrently (one group commit, as under HTTP load), then
// reads the WAL's frame headers and names each page's b-tree (table or index) with dbstat.
//
//   node --import tsx bench/wal-pages.ts [--batch 16] [--event ACCEPT]
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRuntime } from '../core/src/runtime/create-runtime.ts';
import type { CaseUser } from '../core/src/cases/index.ts';
import type { Scenario } from '@bianmin/contract';
import { openBenchStore } from './lib/bench-store.ts';
import { idleOutbox } from './lib/idle-outbox.ts';

const { values: args } = parseArgs({
  options: {
    batch: { type: 'string', default: '16' },
    event: { type: 'string', default: 'ACCEPT' },
    item: { type: 'string', default: 'human-resources/items/social-security-card' },
  },
});
const BATCH = Number(args.batch);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const fx = JSON.parse(readFileSync(join(ROOT, 'plugins', args.item!, 'test/cases/happy-path.json'), 'utf8')) as Scenario;
const store = await openBenchStore('wal-pages', 'better-sqlite3', '');
const file = store.db.client.config.connection.filename as string;
const now = () => new Date('2025-06-02T02:00:00Z');
const started = await createRuntime({ db: store.db, now, env: { BIANMIN_ADMIN_PASSWORD: 'bench' } });
const rt = started.runtime;
idleOutbox(rt.engine);
const clerk: CaseUser = { id: 'bench', name: '五泄窗口', roles: ['clerk'], orgId: 'wx' };
const body = { itemCode: fx.item, data: fx.data, materials: fx.materials ?? {} };

/** Page numbers of the frames in the WAL, grouped by commit. */
function walCommits(): number[][] {
  const wal = readFileSync(`${file}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const commits: number[][] = [[]];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    commits.at(-1)!.push(wal.readUInt32BE(at));
    if (wal.readUInt32BE(at + 4) !== 0) commits.push([]); // "database size after commit" marks a commit frame
  }
  return commits.filter((c) => c.length > 0);
}

async function measure(label: string, run: () => Promise<unknown>[]): Promise<void> {
  await store.db.raw('pragma wal_checkpoint(TRUNCATE)');
  await Promise.all(run());
  const commits = walCommits();
  const reader = new Database(file, { readonly: true });
  const owner = new Map((reader.prepare('select pageno, name from dbstat').all() as { pageno: number; name: string }[]).map((r) => [r.pageno, r.name]));
  reader.close();
  const frames = commits.flat();
  const byTree = new Map<string, number>();
  for (const page of new Set(frames)) {
    const tree = owner.get(page) ?? '(free list or new)';
    byTree.set(tree, (byTree.get(tree) ?? 0) + 1);
  }
  console.log(`\n${label}: ${BATCH} steps in ${commits.length} commit(s), ${frames.length} frames, ${(frames.length / BATCH).toFixed(1)} frames per step`);
  console.log('| b-tree | pages written |\n|---|---|');
  for (const [tree, n] of [...byTree].sort((a, b) => b[1] - a[1])) console.log(`| ${tree} | ${n} |`);
}

try {
  // Enough cases that tables and indexes are several levels deep, as in a running centre.
  const ids: string[] = [];
  for (let i = 0; i < 3000; i++) ids.push((await rt.engine.create(clerk, body)).id);
  for (const id of ids.slice(0, 1000)) await rt.engine.send(clerk, id, { type: args.event! });
  await measure(`creations`, () => Array.from({ length: BATCH }, () => rt.engine.create(clerk, body)));
  await measure(`${args.event} events`, () => ids.slice(1000, 1000 + BATCH).map((id) => rt.engine.send(clerk, id, { type: args.event! })));
} finally {
  await started.close();
  await store.remove();
}
