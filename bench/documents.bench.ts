// How many statutory documents per second one process composes, renders to PDF and seals
// (SM3 digest + SM2 signature + use-log row in SQLite). A script, not a test:
//   node --import tsx bench/documents.bench.ts [--count 80]
import knex from 'knex';
import type { DocumentKind } from '@bianmin/contract';
import { composeDocument } from '../core/src/documents/content/index.ts';
import { sampleDocumentInput } from '../core/test/sample-document-input.ts';
import { renderDocumentPdf } from '../core/src/documents/render/index.ts';
import { createSeal, layoutSeal, sealDocument, sealStampSpec } from '../core/src/seals/index.ts';
import { up } from '../core/src/store/migrations/0004_seals.ts';

const KINDS: DocumentKind[] = [
  'acceptance-receipt', 'one-time-notice', 'refusal-decision', 'referral-notice',
  'decision', 'result', 'delivery-receipt', 'materials-returned',
];
const countArg = process.argv.indexOf('--count');
const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 80;

const db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
await up(db);
const seal = await createSeal(db, { orgId: 'org', code: 'centre', name: '诸暨市五泄镇便民服务中心', kind: 'official' });
const stamp = layoutSeal(sealStampSpec(seal));

async function one(i: number): Promise<{ render: number; seal: number; bytes: number }> {
  const input = sampleDocumentInput(KINDS[i % KINDS.length]!, i + 1);
  const t0 = performance.now();
  const pdf = await renderDocumentPdf(composeDocument(input), { stamp });
  const t1 = performance.now();
  await sealDocument(db, { sealId: seal.id, documentId: `doc-${i}`, documentNumber: input.number, pdf, usedBy: 'bench' });
  const t2 = performance.now();
  return { render: t1 - t0, seal: t2 - t1, bytes: pdf.length };
}

// Warm-up: the first document parses the CJK fonts (tens of MB of CFF outlines).
const coldStart = performance.now();
await one(0);
const cold = performance.now() - coldStart;
for (let i = 1; i <= 8; i++) await one(i);

const runs: { render: number; seal: number; bytes: number }[] = [];
const start = performance.now();
for (let i = 0; i < count; i++) runs.push(await one(100 + i));
const seconds = (performance.now() - start) / 1000;
await db.destroy();

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!;
const renders = runs.map((r) => r.render);
const seals = runs.map((r) => r.seal);
console.log(`documents: ${count} (all eight kinds in turn), one process, sequential`);
console.log(`rendered+sealed per second: ${(count / seconds).toFixed(1)}`);
console.log(`render ms p50 ${pct(renders, 0.5).toFixed(0)} p95 ${pct(renders, 0.95).toFixed(0)}; seal ms p50 ${pct(seals, 0.5).toFixed(1)} p95 ${pct(seals, 0.95).toFixed(1)}`);
console.log(`first document (font parse) ms: ${cold.toFixed(0)}; PDF size KiB mean ${(runs.reduce((a, r) => a + r.bytes, 0) / runs.length / 1024).toFixed(0)}`);
