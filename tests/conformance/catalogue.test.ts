// One conformance suite over the shipped catalogue (every plugin package under plugins/), as rjsf runs
// one suite over every theme: per plugin, per item and per scenario fixture, each its own `it`. The
// checks are the server's own (the loader's shape checks, the forms validator, the runtime) plus what
// a published catalogue owes its readers: Chinese field titles, a uiSchema that fits the form, a happy
// path and another fixture per item, and the generated docs/catalogue.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestSchema, type ItemDefinition, type Scenario } from '@bianmin/contract';
import { createAjv, createFormValidator, inlineSharedRefs } from '@bianmin/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFormTypes } from '../../cli/src/form-types/generate-form-types.ts';
import { pascalCase } from '../../cli/src/pascal-case.ts';
import { builtinDeliveryModes } from '../../core/src/delivery/index.ts';
import {
  checkItemShape, checkManifestShape, discoverPlugins, formatProblem, readPluginPackage, type PluginPackage,
} from '../../core/src/plugin-loading/index.ts';
import { DEFAULT_SCENARIO_START, runScenario, scenarioRuntime, type ScenarioRuntime } from '../../core/src/scenarios/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LEVELS = ['village', 'township', 'county'];
const BUILTIN_MODES = builtinDeliveryModes.map((m) => m.code);

const packages: PluginPackage[] = [];
for (const location of discoverPlugins({ root: ROOT }).filter((l) => l.origin === 'workspace')) {
  const read = await readPluginPackage(location.dir);
  if (!read.ok) throw new Error(`${read.name}: ${read.problems.map(formatProblem).join('; ')}`);
  packages.push(read.plugin);
}
const allItems = packages.flatMap((p) => p.items.map((s) => s.item));
const byCode = new Map(allItems.map((item) => [item.code, item]));
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const forms = createFormValidator({ logger: false });
// Editors check an item.json against the contract's item.schema.json, which refers to the manifest's.
const editorAjv = createAjv();
editorAjv.addSchema(manifestSchema, 'manifest.schema.json');
const validateItemFile = editorAjv.compile(readJson(join(ROOT, 'contract', 'schemas', 'item.schema.json')));

let rt: ScenarioRuntime;
beforeAll(async () => {
  rt = await scenarioRuntime();
}, 120_000);
afterAll(() => rt?.close());

describe('shipped catalogue', () => {
  it('has at least 24 items over at least 8 departments, all kinds and levels', () => {
    expect(allItems.length).toBeGreaterThanOrEqual(24);
    expect(new Set(allItems.map((i) => i.department)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(allItems.map((i) => i.procedure.kind))).toEqual(new Set(['immediate', 'promised', 'reported', 'returned']));
    expect(new Set(allItems.map((i) => i.level))).toEqual(new Set(LEVELS));
  });

  it('has unique item codes', () => {
    expect(allItems.length).toBe(byCode.size);
  });

  it('is listed in docs/catalogue.md as generated (scripts/generate-catalogue.ts --check)', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'generate-catalogue.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('up to date');
  });

  it('loads into the runtime without a refusal', () => {
    expect(rt.runtime.plugins.refused.map((p) => `${p.name}: ${p.problems.map(formatProblem).join('; ')}`)).toEqual([]);
    expect(rt.runtime.plugins.loaded.length).toBe(packages.length);
  });
});

describe.each(packages.map((p) => [p.name, p] as const))('plugin %s', (_name, plugin) => {
  it('is a bianmin plugin package with a README', () => {
    const pkg = readJson(join(plugin.dir, 'package.json'));
    expect(pkg.keywords).toContain('bianmin-plugin');
    expect(pkg.name).toMatch(/^@bianmin\/plugin-/);
    expect(existsSync(join(plugin.dir, 'README.md'))).toBe(true);
  });

  it('has a valid manifest', () => {
    expect(checkManifestShape(readJson(resolve(plugin.manifestFile)))).toEqual([]);
  });

  // Fixtures of the package itself (test/cases/), not of one item folder; each names its item.
  const ownFixtures = plugin.scenarioFiles.filter((f) => dirname(f) === join(plugin.dir, 'test', 'cases'));

  it.each(ownFixtures.map((f) => [relative(plugin.dir, f), f] as const))('fixture %s conforms and replays to its expected states', async (_file, file) => {
    const scenario = readJson(file) as Scenario;
    const item = byCode.get(scenario.item);
    expect(item, `item ${scenario.item}`).toBeDefined();
    await conformsAndReplays(item!, file);
  });

  describe.each(plugin.items.map((s) => [s.item.code, s] as const))('item %s', (code, source) => {
    const item: ItemDefinition = source.item;
    const fromFile = source.pointer === '';
    const itemDir = fromFile ? dirname(resolve(source.file)) : plugin.dir;
    const fixtures = fromFile
      ? plugin.scenarioFiles.filter((f) => dirname(f) === join(itemDir, 'test', 'cases'))
      : ownFixtures.filter((f) => (readJson(f) as Scenario).item === code);

    it('is a valid item definition, in the folder of its code, that editors check against item.schema.json', () => {
      expect(checkItemShape(item)).toEqual([]);
      expect(item.guide.name).toBe(item.name);
      if (fromFile) {
        expect(basename(itemDir)).toBe(code);
        const file = readJson(resolve(source.file));
        // The editor's schema, by the path a plugin under plugins/ uses (docs/plugins.md, "$schema").
        expect(file.$schema, 'item.json names the contract\'s item schema').toBe('../../../../contract/schemas/item.schema.json');
        expect(existsSync(join(itemDir, file.$schema))).toBe(true);
        expect(validateItemFile(file), JSON.stringify(validateItemFile.errors)).toBe(true);
      }
    });

    // Forms may $ref the shared pieces (urn:bianmin:forms:applicant …): the checks read the form with
    // those pieces inlined, as the core hands it to the browser.
    const schema = inlineSharedRefs(item.form.schema) as Record<string, any>;

    it('has a form schema that compiles, with Chinese titles and the applicant fields', () => {
      expect(forms.checkSchemaCompiles(item.form.schema)).toEqual([]);
      // What the server's loader checks instead of compiling (it compiles on first use).
      expect(forms.checkSchema(item.form.schema)).toEqual([]);
      const titled = (s: any, at: string): void => {
        if (!s || typeof s !== 'object') return;
        if (s.type && s.type !== 'array') expect(s.title, `title at ${at}`).toMatch(/[\u4e00-\u9fa5]/);
        for (const [k, v] of Object.entries(s.properties ?? {})) titled(v, `${at}/${k}`);
        if (s.items) titled(s.items, `${at}/items`);
      };
      titled(schema, '');
      const applicant = schema.properties?.applicant;
      expect(applicant?.properties?.name).toBeTruthy();
      expect(applicant?.properties?.idNumber?.format).toBe('cn-id-number');
      expect(applicant?.properties?.phone?.format).toBe('cn-mobile');
    });

    it('has a uiSchema that fits the form (@rjsf ui:order lists every property or "*", and no unknown one)', () => {
      const fits = (s: any, ui: any, at: string): void => {
        if (!s || !ui || typeof ui !== 'object') return;
        const props = Object.keys(s.properties ?? {});
        const order: string[] | undefined = ui['ui:order'];
        if (order) {
          for (const k of order) if (k !== '*') expect(props, `${at} ui:order has unknown ${k}`).toContain(k);
          if (!order.includes('*')) for (const k of props) expect(order, `${at} ui:order misses ${k}`).toContain(k);
        }
        for (const [k, v] of Object.entries(ui)) {
          if (k.startsWith('ui:')) continue;
          if (k === 'items') fits(s.items, v, `${at}/items`);
          else {
            expect(props, `${at} uiSchema names unknown field ${k}`).toContain(k);
            fits(s.properties[k], v, `${at}/${k}`);
          }
        }
      };
      fits(schema, item.form.uiSchema ?? {}, '');
    });

    it('has form data types generated from its schema', async () => {
      expect(await generateFormTypes(schema, `${pascalCase(code)}Data`)).toMatch(/export (interface|type) /);
    });

    it('holds its cross-references: materials, documents, time limits, delivery, procedure, bundle', () => {
      const ids = item.materials.map((m) => m.id);
      expect(ids.length).toBe(new Set(ids).size);
      for (const m of item.materials) {
        if (m.waivableDays) expect(m.waivable, `material ${m.id}`).toBe(true);
        // the core's load-time check: only required, non-shared materials can be waived (容缺)
        if (m.waivable) expect(m.required && !m.sharedFrom, `material ${m.id} waivable`).toBe(true);
      }
      const kinds = item.documents.map((d) => d.kind);
      expect(kinds.length, 'each document kind configured once').toBe(new Set(kinds).size);
      for (const d of item.documents) expect(d.sealKind ?? d.seal).toBeTruthy();
      const { legalTimeLimit: legal, promisedTimeLimit: promised } = item.guide;
      if (legal.unit === promised.unit && legal.value > 0) expect(promised.value).toBeLessThanOrEqual(legal.value);
      for (const mode of item.delivery.modes) expect(BUILTIN_MODES).toContain(mode);
      if (item.delivery.default) expect(item.delivery.modes).toContain(item.delivery.default);
      const procedure = item.procedure;
      if (procedure.kind === 'reported') expect(LEVELS.indexOf(procedure.decidingLevel!)).toBeGreaterThan(LEVELS.indexOf(item.level));
      if (procedure.kind === 'returned') expect(procedure.referral?.to).toBeTruthy();
      else expect(item.documents.some((d) => d.kind === 'result' || d.kind === 'decision')).toBe(true);
      const stepIds = (procedure.reviewSteps ?? []).map((s) => s.id);
      expect(stepIds.length).toBe(new Set(stepIds).size);
      if (item.bundle) {
        for (const child of item.bundle.items) expect(byCode.has(child), `bundle child ${child}`).toBe(true);
        for (const field of item.bundle.sharedFields ?? []) {
          expect((item.form.schema as Record<string, any>).properties).toHaveProperty(field);
          for (const childCode of item.bundle.items) {
            const childSchema = byCode.get(childCode)?.form.schema as Record<string, any> | undefined;
            // a shared field is passed to every child: it must be one of its fields or be allowed as extra
            if (childSchema?.additionalProperties === false) expect(childSchema.properties ?? {}).toHaveProperty(field);
          }
        }
      }
    });

    it('has a happy path and another fixture', () => {
      expect(fixtures.length).toBeGreaterThanOrEqual(2);
      const finals = fixtures.map((f) => (readJson(f) as Scenario).steps.at(-1)?.expect?.state);
      expect(finals).toContain(procedureEnd(item));
    });

    it.each(fixtures.map((f) => [relative(itemDir, f), f] as const))('fixture %s conforms and replays to its expected states', async (_file, file) => {
      expect((readJson(file) as Scenario).item).toBe(code);
      await conformsAndReplays(item, file);
    });
  });
});

/** A fixture against its item's form and references, then replayed through the runtime. */
async function conformsAndReplays(item: ItemDefinition, file: string): Promise<void> {
  const scenario = readJson(file) as Scenario & { $schema?: string };
  expect(existsSync(join(dirname(file), scenario.$schema ?? '')), `$schema ${scenario.$schema}`).toBe(true);
  const errors = forms.compileForm(item.form.schema)(scenario.data, { on: new Date(scenario.startAt ?? DEFAULT_SCENARIO_START) });
  if (scenario.expectCreateError) {
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.pointer)).toEqual(expect.arrayContaining(scenario.expectCreateError.pointers ?? []));
  } else expect(errors).toEqual([]);
  const ids = new Set(item.materials.map((m) => m.id));
  for (const id of Object.keys(scenario.materials ?? {})) expect(ids.has(id), `material ${id}`).toBe(true);
  for (const step of scenario.steps) {
    // A bundle's step may address one of its child cases: that child's item holds its materials.
    if (step.child) {
      expect(item.bundle?.items, `child ${step.child}`).toContain(step.child);
      continue;
    }
    const payload = (step.payload ?? {}) as { missing?: string[]; provided?: string[]; mode?: string };
    for (const id of [...(payload.missing ?? []), ...(payload.provided ?? [])]) expect(ids.has(id), `material ${id}`).toBe(true);
    if (step.event === 'DELIVER') expect(item.delivery.modes).toContain(payload.mode);
    if (step.event === 'DECIDE' || (step.event === 'SEAL' && item.procedure.kind === 'reported')) expect(step.at).toBe('deciding');
  }
  const outcome = await runScenario(rt.runtime, rt.clock, file, scenario);
  expect(outcome.failures).toEqual([]);
}

function procedureEnd(item: ItemDefinition): string {
  return item.procedure.kind === 'returned' ? 'returned.closed' : 'concluded';
}
