// Validates the shipped catalogue (every plugin package under plugins/) against the public
// contract: manifests and item definitions against manifest.schema.json, scenario fixtures
// against scenario.schema.json, fixture data against the item's own form schema, and the
// cross-references JSON Schema cannot express (codes, material ids, delivery modes, bundles).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import manifestSchema from '@bianmin/contract/schemas/manifest.schema.json' with { type: 'json' };
import scenarioSchema from '@bianmin/contract/schemas/scenario.schema.json' with { type: 'json' };

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILTIN_DELIVERY_MODES = ['window-pickup', 'postal', 'electronic', 'self-service', 'door'];
const DEFAULT_START = '2025-03-03T09:00:00+08:00';

// --- the custom formats and keyword the forms package provides (GB 11643, GB 32100, mobile) ---
function idBirthDate(id: string): Date | undefined {
  if (!/^\d{17}[\dX]$/.test(id)) return undefined;
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date;
}
export function isCnIdNumber(id: string): boolean {
  if (!idBirthDate(id)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(id[i]) * w[i]!;
  return '10X98765432'[s % 11] === id[17];
}
const CC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export function isCnCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let t = 0;
  for (let i = 0; i < 17; i++) t += CC.indexOf(code[i]!) * w[i]!;
  const c = 31 - (t % 31);
  return CC[c === 31 ? 0 : c] === code[17];
}
function ageAt(birth: Date, now: Date): number {
  let age = now.getUTCFullYear() - birth.getUTCFullYear();
  const md = (now.getUTCMonth() - birth.getUTCMonth()) * 100 + (now.getUTCDate() - birth.getUTCDate());
  if (md < 0) age--;
  return age;
}

function makeAjv(now: () => Date) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addFormat('cn-id-number', isCnIdNumber);
  ajv.addFormat('cn-mobile', /^1[3-9]\d{9}$/);
  ajv.addFormat('cn-credit-code', isCnCreditCode);
  ajv.addKeyword({
    keyword: 'minAgeFromId',
    type: 'string',
    schemaType: 'number',
    validate: (min: number, id: string) => {
      const b = idBirthDate(id);
      return b === undefined ? true : ageAt(b, now()) >= min;
    },
    errors: false,
  });
  ajv.addKeyword({
    keyword: 'maxAgeFromId',
    type: 'string',
    schemaType: 'number',
    validate: (max: number, id: string) => {
      const b = idBirthDate(id);
      return b === undefined ? true : ageAt(b, now()) <= max;
    },
    errors: false,
  });
  ajv.addKeyword({ keyword: 'ageSubject', schemaType: 'string' });
  return ajv;
}

let clock = new Date(DEFAULT_START);
const ajv = makeAjv(() => clock);
ajv.addSchema(manifestSchema as object, 'manifest');
ajv.addSchema(scenarioSchema as object, 'scenario');
const validateManifest = ajv.getSchema('manifest')!;
const validateItem = ajv.getSchema('manifest#/definitions/ItemDefinition')!;
const validateScenario = ajv.getSchema('scenario')!;

// Prefer the real form validator of @bianmin/forms once its entry exports it; the local ajv above
// mirrors its formats and the minAgeFromId keyword so the catalogue can be checked either way.
type FormCheck = (schema: object, data: unknown, now: Date) => { ok: boolean; pointers: string[]; errors: unknown };
let formCheck: FormCheck = (schema, data, now) => {
  clock = now;
  const v = ajv.compile(inlineShared(schema));
  const ok = v(data) as boolean;
  return { ok, pointers: (v.errors ?? []).map((e) => e.instancePath), errors: v.errors };
};
// Forms may $ref the shared pieces (urn:bianmin:forms:applicant …): the checks below read the form
// with those pieces inlined, as the core hands it to the browser.
let inlineShared = <T>(schema: T): T => schema;
try {
  const forms: any = await import('@bianmin/forms');
  if (typeof forms.inlineSharedRefs === 'function') inlineShared = forms.inlineSharedRefs;
  if (typeof forms.createFormValidator === 'function') {
    const fv = forms.createFormValidator({ now: () => clock, logger: false });
    formCheck = (schema, data, now) => {
      const errors = fv.compileForm(schema)(data, { on: now });
      return { ok: errors.length === 0, pointers: errors.map((e: { pointer: string }) => e.pointer), errors };
    };
  }
} catch {
  // @bianmin/forms not linked: keep the local check
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const errs = (v: { errors?: unknown }) => JSON.stringify(v.errors, null, 1);

interface Pkg { dir: string; pkg: any; manifest: any; items: { dir: string; item: any }[] }
const packages: Pkg[] = fs
  .readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(here, d.name, 'package.json')))
  .map((d) => {
    const dir = path.join(here, d.name);
    const pkg = readJson(path.join(dir, 'package.json'));
    const manifest = readJson(path.join(dir, pkg.bianmin.manifest));
    const itemsDir = path.join(dir, pkg.bianmin.itemsDir ?? './items');
    const items = [
      ...(manifest.items ?? []).map((item: any) => ({ dir, item })),
      ...(fs.existsSync(itemsDir)
        ? fs.readdirSync(itemsDir).filter((f) => fs.existsSync(path.join(itemsDir, f, 'item.json')))
            .map((f) => ({ dir: path.join(itemsDir, f), item: readJson(path.join(itemsDir, f, 'item.json')) }))
        : []),
    ];
    return { dir, pkg, manifest, items };
  });
const allItems = packages.flatMap((p) => p.items.map((i) => ({ ...i, pkg: p })));
const byCode = new Map(allItems.map((i) => [i.item.code, i.item]));

describe('shipped catalogue', () => {
  it('has at least 24 items over at least 8 departments, all kinds and levels', () => {
    expect(allItems.length).toBeGreaterThanOrEqual(24);
    expect(new Set(allItems.map((i) => i.item.department)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(allItems.map((i) => i.item.procedure.kind))).toEqual(new Set(['immediate', 'promised', 'reported', 'returned']));
    expect(new Set(allItems.map((i) => i.item.level))).toEqual(new Set(['village', 'township', 'county']));
  });
  it('docs/catalogue.md is up to date (scripts/generate-catalogue.ts --check)', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, '..', 'scripts', 'generate-catalogue.ts'), '--check'], { cwd: path.join(here, '..'), encoding: 'utf8' });
    expect(out).toContain('up to date');
  });
  it('item codes are unique', () => {
    const codes = allItems.map((i) => i.item.code);
    expect(codes.length).toBe(new Set(codes).size);
  });
});

for (const p of packages) {
  describe(`package ${p.pkg.name}`, () => {
    it('package.json declares a bianmin plugin', () => {
      expect(p.pkg.keywords).toContain('bianmin-plugin');
      expect(p.pkg.name).toMatch(/^@bianmin\/plugin-/);
      expect(fs.existsSync(path.join(p.dir, 'README.md'))).toBe(true);
    });
    it('manifest is valid', () => {
      expect(validateManifest(p.manifest), errs(validateManifest)).toBe(true);
    });
  });
  for (const { dir, item } of p.items) {
    describe(`item ${item.code}`, () => {
      it('is a valid ItemDefinition', () => {
        expect(validateItem(item), errs(validateItem)).toBe(true);
        expect(path.basename(dir)).toBe(item.code);
        expect(item.guide.name).toBe(item.name);
      });
      const formSchema = inlineShared(item.form.schema);
      it('form schema compiles, with Chinese titles', () => {
        expect(() => ajv.compile(formSchema)).not.toThrow();
        const walk = (s: any, at: string): void => {
          if (!s || typeof s !== 'object') return;
          if (s.type && s.type !== 'array') expect(s.title, `title at ${at}`).toMatch(/[\u4e00-\u9fa5]/);
          for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${at}/${k}`);
          if (s.items) walk(s.items, `${at}/items`);
        };
        walk(formSchema, '');
        const a = formSchema.properties?.applicant;
        expect(a?.properties?.name).toBeTruthy();
        expect(a?.properties?.idNumber?.format).toBe('cn-id-number');
        expect(a?.properties?.phone?.format).toBe('cn-mobile');
      });
      it('uiSchema fits the form (@rjsf ui:order lists every property or "*", and no unknown one)', () => {
        const walk = (schema: any, ui: any, at: string): void => {
          if (!schema || !ui || typeof ui !== 'object') return;
          const props = Object.keys(schema.properties ?? {});
          const order: string[] | undefined = ui['ui:order'];
          if (order) {
            for (const k of order) if (k !== '*') expect(props, `${at} ui:order has unknown ${k}`).toContain(k);
            if (!order.includes('*')) for (const k of props) expect(order, `${at} ui:order misses ${k}`).toContain(k);
          }
          for (const [k, v] of Object.entries(ui)) {
            if (k.startsWith('ui:')) continue;
            if (k === 'items') { walk(schema.items, v, `${at}/items`); continue; }
            expect(props, `${at} uiSchema names unknown field ${k}`).toContain(k);
            walk(schema.properties[k], v, `${at}/${k}`);
          }
        };
        walk(formSchema, item.form.uiSchema ?? {}, '');
      });
      it('cross-references hold', () => {
        const ids = item.materials.map((m: any) => m.id);
        expect(ids.length).toBe(new Set(ids).size);
        for (const m of item.materials) {
          if (m.waivableDays) expect(m.waivable, `material ${m.id}`).toBe(true);
          // the core's load-time check: only required, non-shared materials can be waived (容缺)
          if (m.waivable) expect(m.required && !m.sharedFrom, `material ${m.id} waivable`).toBe(true);
        }
        const docKinds = item.documents.map((d: any) => d.kind);
        expect(docKinds.length, 'each document kind configured once').toBe(new Set(docKinds).size);
        const { legalTimeLimit: legal, promisedTimeLimit: promised } = item.guide;
        if (legal.unit === promised.unit && legal.value > 0) expect(promised.value).toBeLessThanOrEqual(legal.value);
        for (const mode of item.delivery.modes) expect(BUILTIN_DELIVERY_MODES).toContain(mode);
        if (item.delivery.default) expect(item.delivery.modes).toContain(item.delivery.default);
        const proc = item.procedure;
        if (proc.kind === 'reported') {
          const L = ['village', 'township', 'county'];
          expect(L.indexOf(proc.decidingLevel)).toBeGreaterThan(L.indexOf(item.level));
        }
        if (proc.kind === 'returned') expect(proc.referral?.to).toBeTruthy();
        if (proc.kind !== 'returned') expect(item.documents.some((d: any) => d.kind === 'result' || d.kind === 'decision')).toBe(true);
        const stepIds = (proc.reviewSteps ?? []).map((s: any) => s.id);
        expect(stepIds.length).toBe(new Set(stepIds).size);
        for (const d of item.documents) expect(d.sealKind ?? d.seal).toBeTruthy();
        if (item.bundle) {
          for (const c of item.bundle.items) expect(byCode.has(c), `bundle child ${c}`).toBe(true);
          for (const f of item.bundle.sharedFields ?? []) {
            expect(item.form.schema.properties).toHaveProperty(f);
            for (const c of item.bundle.items) {
              const child = byCode.get(c);
              const childProps = child?.form.schema.properties ?? {};
              // a shared field is passed to every child: it must be one of its fields or be allowed as extra
              if (child?.form.schema.additionalProperties === false) expect(childProps).toHaveProperty(f);
            }
          }
        }
      });

      const casesDir = path.join(dir, 'test', 'cases');
      const cases = fs.existsSync(casesDir) ? fs.readdirSync(casesDir).filter((f) => f.endsWith('.json')) : [];
      it('has a happy path and another fixture', () => {
        expect(cases.length).toBeGreaterThanOrEqual(2);
        const finals = cases.map((f) => {
          const sc = readJson(path.join(casesDir, f));
          const last = sc.steps.at(-1);
          return last?.expect?.state;
        });
        expect(finals).toContain(item.procedure.kind === 'returned' ? 'returned.closed' : 'concluded');
      });
      for (const f of cases) {
        it(`fixture ${f}`, () => {
          const sc = readJson(path.join(casesDir, f));
          expect(validateScenario(sc), errs(validateScenario)).toBe(true);
          expect(sc.item).toBe(item.code);
          const checked = formCheck(formSchema, sc.data, new Date(sc.startAt ?? DEFAULT_START));
          if (sc.expectCreateError) {
            expect(checked.ok).toBe(false);
            for (const p of sc.expectCreateError.pointers ?? []) expect(checked.pointers).toContain(p);
          } else {
            expect(checked.ok, JSON.stringify(checked.errors, null, 1)).toBe(true);
          }
          const ids = new Set(item.materials.map((m: any) => m.id));
          for (const id of Object.keys(sc.materials ?? {})) expect(ids.has(id), `material ${id}`).toBe(true);
          for (const st of sc.steps) {
            // A bundle's step may address one of its child cases: check it against that child's item.
            if (st.child) {
              expect(item.bundle?.items, `child ${st.child}`).toContain(st.child);
              continue;
            }
            for (const id of [...(st.payload?.missing ?? []), ...(st.payload?.provided ?? [])]) expect(ids.has(id), `material ${id}`).toBe(true);
            if (st.event === 'DELIVER') expect(item.delivery.modes).toContain(st.payload.mode);
            if (st.event === 'DECIDE' || (st.event === 'SEAL' && item.procedure.kind === 'reported')) expect(st.at).toBe('deciding');
          }
        });
      }
    });
  }
}
