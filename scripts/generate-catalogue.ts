// Writes docs/catalogue.md from the shipped plugin packages under plugins/.
// Run: node --import tsx scripts/generate-catalogue.ts [--check]
// A package is a folder of plugins/ whose package.json has a "bianmin" field; its items are the
// manifest's `items` plus every `<itemsDir>/*/item.json` (the loader's rule).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ItemDefinition, PluginManifest, ProcedureKind, Level } from '@bianmin/contract';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pluginsDir = path.join(root, 'plugins');
const outFile = path.join(root, 'docs', 'catalogue.md');

interface PackageJson { name: string; version: string; description?: string; bianmin?: { manifest: string; itemsDir?: string } }
interface Entry { pkg: PackageJson; folder: string; item: ItemDefinition; fixtures: number }

const KIND: Record<ProcedureKind, string> = { immediate: '即办件', promised: '承诺件', reported: '上报件', returned: '退办件' };
const LEVEL: Record<Level, string> = { village: '村（社区）', township: '镇（街道）', county: '区（县）' };

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

function collect(): Entry[] {
  const entries: Entry[] = [];
  for (const folder of fs.readdirSync(pluginsDir).sort()) {
    const pkgFile = path.join(pluginsDir, folder, 'package.json');
    if (!fs.existsSync(pkgFile)) continue;
    const pkg = readJson<PackageJson>(pkgFile);
    if (!pkg.bianmin) continue;
    const dir = path.join(pluginsDir, folder);
    const manifest = readJson<PluginManifest>(path.join(dir, pkg.bianmin.manifest));
    const countFixtures = (itemDir: string | undefined) => {
      const cases = itemDir ? path.join(itemDir, 'test', 'cases') : undefined;
      return cases && fs.existsSync(cases) ? fs.readdirSync(cases).filter((f) => f.endsWith('.json')).length : 0;
    };
    for (const item of manifest.items) entries.push({ pkg, folder, item, fixtures: 0 });
    const itemsDir = path.join(dir, pkg.bianmin.itemsDir ?? './items');
    if (!fs.existsSync(itemsDir)) continue;
    for (const sub of fs.readdirSync(itemsDir).sort()) {
      const file = path.join(itemsDir, sub, 'item.json');
      if (fs.existsSync(file)) entries.push({ pkg, folder, item: readJson<ItemDefinition>(file), fixtures: countFixtures(path.join(itemsDir, sub)) });
    }
  }
  return entries;
}

function promised(item: ItemDefinition): string {
  const p = item.procedure;
  if (p.kind === 'promised' || p.kind === 'reported') return p.promisedDays ? `${p.promisedDays} 个工作日` : '—';
  if (p.kind === 'immediate') return `当场（${p.targetMinutes ?? 60} 分钟）`;
  return '当场告知转办';
}
function decidedBy(item: ItemDefinition): string {
  const p = item.procedure;
  if (p.kind === 'reported') return `上报至${LEVEL[p.decidingLevel ?? 'county']}决定`;
  if (p.kind === 'promised') {
    const steps = p.reviewSteps?.length ? p.reviewSteps : [{ name: '审核' }];
    return steps.map((s) => s.name).join(' → ');
  }
  if (p.kind === 'returned') return p.referral ? `转办：${p.referral.to}` : '转办';
  return '窗口即办';
}
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Seed 003 task 12: the 13 一件事 bundles a county offers, by the words their names carry. */
const SEED_BUNDLES = [
  '企业开办', '企业准营', '员工录用', '涉企不动产登记', '企业简易注销', '新生儿出生', '灵活就业', '公民婚育',
  '扶残助困', '军人退役', '二手房转移登记及水电气联动过户', '企业职工退休', '公民身后',
];

function countsTable(entries: Entry[]): string[] {
  const rows = new Map<string, Entry[]>();
  for (const e of entries) rows.set(e.item.department, [...(rows.get(e.item.department) ?? []), e]);
  const kinds = ['immediate', 'promised', 'reported', 'returned'] as const;
  const levels = ['village', 'township', 'county'] as const;
  const line = (name: string, list: Entry[]) =>
    `| ${cell(name)} | ${list.length} | ${kinds.map((k) => list.filter((e) => e.item.procedure.kind === k).length).join(' | ')} | ${levels.map((l) => list.filter((e) => e.item.level === l).length).join(' | ')} |`;
  return [
    `| department 部门 | items | ${kinds.map((k) => KIND[k]).join(' | ')} | ${levels.map((l) => LEVEL[l]).join(' | ')} |`,
    `|---|---:|${kinds.map(() => '---:').join('|')}|${levels.map(() => '---:').join('|')}|`,
    ...[...rows].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'zh')).map(([dept, list]) => line(dept, list)),
    line('**total**', entries),
  ];
}

function bundlesSection(entries: Entry[]): string[] {
  const bundles = entries.filter((e) => e.item.bundle);
  const byCode = new Map(entries.map((e) => [e.item.code, e.item]));
  const out = [`${bundles.length} of the ${SEED_BUNDLES.length} bundles of seed 003 task 12 ship as items; the others are not built yet.`, ''];
  out.push('Children run one after another, or, where the bundle declares `after` (并联审批), each once the children it names have concluded, side by side with the others.', '');
  out.push('| 一件事 (seed 003 task 12) | item | children |', '|---|---|---|');
  for (const name of SEED_BUNDLES) {
    const found = bundles.find((e) => e.item.name.includes(name));
    const after = found?.item.bundle?.after;
    const children = found?.item.bundle?.items
      .map((c) => {
        const deps = after?.[c] ?? [];
        const when = after ? (deps.length === 0 ? '（受理即办）' : `（${deps.map((d) => `\`${d}\``).join('、')} 办结后）`) : '';
        return `${cell(byCode.get(c)?.name ?? c)} (\`${c}\`)${when}`;
      })
      .join(after ? '；' : ' → ');
    out.push(`| ${name} | ${found ? `\`${found.item.code}\`` : 'not yet'} | ${children ?? '—'} |`);
  }
  return out;
}

function render(entries: Entry[]): string {
  const byDept = new Map<string, Entry[]>();
  for (const e of entries) byDept.set(e.item.department, [...(byDept.get(e.item.department) ?? []), e]);
  const count = <K extends string>(f: (e: Entry) => K) => {
    const m = new Map<K, number>();
    for (const e of entries) m.set(f(e), (m.get(f(e)) ?? 0) + 1);
    return m;
  };
  const kinds = count((e) => e.item.procedure.kind);
  const levels = count((e) => e.item.level);
  const packages = [...new Set(entries.map((e) => e.pkg.name))];

  const out: string[] = [];
  out.push('# 事项目录 — the shipped catalogue', '');
  out.push('Generated by `node --import tsx scripts/generate-catalogue.ts` from the plugin packages in `plugins/`; do not edit by hand.', '');
  out.push(`${entries.length} items in ${packages.length} packages over ${byDept.size} departments. `
    + `By kind: ${(['immediate', 'promised', 'reported', 'returned'] as const).map((k) => `${KIND[k]} ${kinds.get(k) ?? 0}`).join('，')}. `
    + `By lowest receiving level: ${(['village', 'township', 'county'] as const).map((l) => `${LEVEL[l]} ${levels.get(l) ?? 0}`).join('，')}.`, '');
  out.push('Local values marked as illustrative in each package README (phone numbers, utility addresses, most promised days) must be replaced before a deployment.', '');
  out.push('Every manifest, item definition and scenario fixture is checked against the contract schemas (and every fixture\'s data against its item\'s form) by the conformance suite `tests/conformance/catalogue.test.ts` (`npx vitest run tests/conformance`), which also replays every fixture and fails when this page is stale.', '');

  out.push('## Counts', '', 'Per department, by kind and by lowest receiving level (an item received at the village is also received above it).', '');
  out.push(...countsTable(entries), '');
  out.push(`Village-receivable (lowest receiving level 村（社区）): ${levels.get('village') ?? 0} of ${entries.length}.`, '');
  out.push('## 一件事 bundles', '');
  out.push(...bundlesSection(entries), '');

  out.push('## All items', '');
  out.push('| code | 事项名称 | department 部门 | kind 类型 | level 最低受理层级 | promised 承诺时限 | package |');
  out.push('|---|---|---|---|---|---|---|');
  for (const e of [...entries].sort((a, b) => a.item.department.localeCompare(b.item.department, 'zh') || a.item.code.localeCompare(b.item.code))) {
    const i = e.item;
    out.push(`| \`${i.code}\` | ${cell(i.name)} | ${cell(i.department)} | ${KIND[i.procedure.kind]} (\`${i.procedure.kind}\`) | ${LEVEL[i.level]} (\`${i.level}\`) | ${promised(i)} | \`${e.pkg.name}\` |`);
  }
  out.push('');

  out.push('## By department', '');
  for (const [dept, list] of [...byDept].sort((a, b) => a[0].localeCompare(b[0], 'zh'))) {
    out.push(`### ${dept}`, '');
    for (const { item: i, fixtures, folder } of list) {
      const g = i.guide;
      const laws = g.legalBasis.map((b) => `${b.law}${b.article ?? ''}`).join('；');
      const shared = i.materials.filter((m) => m.sharedFrom).length;
      const waivable = i.materials.filter((m) => m.waivable).length;
      const results = i.documents.filter((d) => d.kind === 'result' || d.kind === 'decision').map((d) => d.title ?? d.kind).join('、');
      out.push(`- **${i.name}** (\`${i.code}\` v${i.version}, \`plugins/${folder}/items/${i.code}\`) — ${g.itemType}；${KIND[i.procedure.kind]}，${decidedBy(i)}；`
        + `承诺 ${promised(i)}；结果：${results || g.resultName}；送达：${i.delivery.modes.map((m) => `\`${m}\``).join(' ')}。`);
      out.push(`  材料 ${i.materials.length} 项（共享 ${shared}，容缺 ${waivable}）；样例 ${fixtures} 个。依据：${laws}。`);
      if (i.bundle) out.push(`  一件事，组合：${i.bundle.items.map((c) => `\`${c}\``).join(' → ')}；共享字段：${(i.bundle.sharedFields ?? []).map((f) => `\`${f}\``).join('、')}。`);
    }
    out.push('');
  }
  return out.join('\n');
}

const text = render(collect());
if (process.argv.includes('--check')) {
  const current = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
  if (current !== text) {
    console.error('docs/catalogue.md is out of date: run node --import tsx scripts/generate-catalogue.ts');
    process.exit(1);
  }
  console.log('docs/catalogue.md is up to date');
} else {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
  console.log(`wrote ${path.relative(root, outFile)}`);
}
