// The path an author walks: `new` scaffolds a plugin that `check` accepts, whose fixture `test`
// replays green, and for which `types` writes the form data interface. Then a fixture that
// expects the wrong state makes `test` fail, and a form schema that cannot compile makes `types` fail.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { copyPlugin, editJson, removeTemporaryDirs, scaffold } from './scaffold-copy.ts';

const CODE = 'township-demo-application';
let dir: string;

beforeAll(async () => {
  dir = await scaffold('township-demo');
}, 60_000);

afterAll(removeTemporaryDirs);

describe('plugin new → check → test → types', () => {
  it('scaffolds the package layout with every guide element to fill in marked 待填写', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.keywords).toContain('bianmin-plugin');
    expect(pkg.bianmin).toEqual({ manifest: './bianmin.json', itemsDir: './items' });
    const manifest = JSON.parse(readFileSync(join(dir, 'bianmin.json'), 'utf8'));
    expect(manifest).toMatchObject({ contractVersion: '1', namespace: 'township-demo', items: [] });
    const item = JSON.parse(readFileSync(join(dir, 'items', CODE, 'item.json'), 'utf8'));
    expect(item.procedure.kind).toBe('promised');
    expect(item.guide.authority).toContain('待填写');
    expect(item.form.schema.properties.applicant.properties.idNumber.format).toBe('cn-id-number');
    expect(item.form.schema.properties.applicant.properties.phone.format).toBe('cn-mobile');
    expect(existsSync(join(dir, 'items', CODE, 'test', 'cases', 'happy-path.json'))).toBe(true);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('待填写');
  });

  it('passes check, with the placeholders left counted', async () => {
    const result = await runCli(['plugin', 'check', dir]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('1 个事项，1 个场景用例，检查通过');
    expect(result.stdout).toMatch(/仍有 \d+ 处“待填写”/);
  }, 60_000);

  it('passes test: the happy path replays through the in-memory runtime', async () => {
    const result = await runCli(['plugin', 'test', dir]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/✓ .*happy-path\.json/);
    expect(result.stdout).toContain('1 个场景用例：1 个通过，0 个失败');
  }, 120_000);

  it('writes the form data interface to types/forms.ts', async () => {
    const result = await runCli(['plugin', 'types', dir]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const source = readFileSync(join(dir, 'types', 'forms.ts'), 'utf8');
    expect(source).toContain('export interface TownshipDemoApplicationFormData');
    expect(source).toMatch(/idNumber: string;/);
    expect(source).toMatch(/address\?: string;/);
  }, 60_000);

  it('fails test with ✗ and the reason when a fixture expects the wrong state', async () => {
    const copy = copyPlugin(dir, 'wrong-state');
    editJson(join(copy, 'items', CODE, 'test', 'cases', 'happy-path.json'), (fixture) => {
      fixture.steps[0].expect.state = 'approved';
    });
    const result = await runCli(['plugin', 'test', copy]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ .*happy-path\.json/);
    expect(result.stdout).toContain('step 1 ACCEPT: state reviewing.firstReview, expected approved');
    expect(result.stdout).toContain('1 个场景用例：0 个通过，1 个失败');
  }, 120_000);

  it('fails types, writing nothing, when a form schema does not compile', async () => {
    const copy = copyPlugin(dir, 'bad-schema');
    editJson(join(copy, 'items', CODE, 'item.json'), (item) => {
      item.form.schema.properties.applicant.properties.idNumber.format = 'cn-passport';
    });
    const out = join(copy, 'out', 'forms.ts');
    const result = await runCli(['plugin', 'types', copy, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`items/${CODE}/item.json#/form/schema/properties/applicant/properties/idNumber`);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
