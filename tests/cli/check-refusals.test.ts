// `plugin check` refuses what the server refuses, naming the file and the JSON pointer: each
// broken copy of a scaffolded plugin carries one defect and must exit 1 with that defect printed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateFor } from '@bianmin/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { copyPlugin, editJson, removeTemporaryDirs, scaffold } from './scaffold-copy.ts';

const CODE = 'broken-application';
const ITEM = join('items', CODE, 'item.json');
let original: string;

beforeAll(async () => {
  original = await scaffold('broken', 'immediate');
}, 60_000);

/** A copy with one defect, and what `check` says about it. */
async function checkBroken(label: string, breakIt: (dir: string) => void) {
  const dir = copyPlugin(original, label);
  breakIt(dir);
  return runCli(['plugin', 'check', dir]);
}

afterAll(removeTemporaryDirs);

describe('plugin check on a broken plugin', () => {
  it('refuses each defect with file#pointer: message and exit code 1', async () => {
    const [badJson, unknownAction, unreachable, missingSeal, unknownFormat] = await Promise.all([
      checkBroken('json', (dir) => writeFileSync(join(dir, ITEM), '{ "code": "broken-application", ')),
      checkBroken('action', (dir) =>
        editJson(join(dir, ITEM), (item) => {
          const config = templateFor({ kind: 'immediate' });
          config.states.received!.on!.ACCEPT![0]!.actions!.push({ type: 'sendFax' });
          item.procedure.config = config;
        }),
      ),
      checkBroken('state', (dir) =>
        editJson(join(dir, ITEM), (item) => {
          const config = templateFor({ kind: 'immediate' });
          config.states.archived = { type: 'final' };
          item.procedure.config = config;
        }),
      ),
      checkBroken('seal', (dir) => editJson(join(dir, ITEM), (item) => { item.documents[3].seal = 'no-such-seal'; })),
      checkBroken('format', (dir) =>
        editJson(join(dir, ITEM), (item) => { item.form.schema.properties.applicant.properties.phone.format = 'cn-fax'; }),
      ),
    ]);

    for (const result of [badJson, unknownAction, unreachable, missingSeal, unknownFormat]) {
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toContain('服务器将拒绝加载此插件');
    }
    expect(badJson.stdout).toMatch(new RegExp(`${ITEM}: 不是合法的 JSON`));
    expect(unknownAction.stdout).toContain(`${ITEM}#/procedure/config/states/received/on/ACCEPT/0/actions/`);
    expect(unknownAction.stdout).toMatch(/: unknown action "sendFax"/);
    expect(unreachable.stdout).toContain(`${ITEM}#/procedure/config/states/archived: state "archived" cannot be reached from the initial state`);
    expect(missingSeal.stdout).toContain(`${ITEM}#/documents/3/seal: 印章 no-such-seal 不存在`);
    expect(unknownFormat.stdout).toContain(`${ITEM}#/form/schema/properties/applicant/properties/phone`);
    expect(unknownFormat.stdout).toContain('cn-fax');
  }, 120_000);

  it('reports a malformed fixture, and a material its item does not ask for, by file and pointer', async () => {
    const fixture = join('items', CODE, 'test', 'cases', 'happy-path.json');
    const [malformed, foreignMaterial] = await Promise.all([
      checkBroken('fixture', (dir) => editJson(join(dir, fixture), (value) => { value.steps[0].expect.stat = 'accepted'; })),
      checkBroken('material', (dir) => editJson(join(dir, fixture), (value) => { value.materials['birth-certificate'] = 'provided'; })),
    ]);
    for (const result of [malformed, foreignMaterial]) {
      expect(result.code, result.stdout + result.stderr).toBe(1);
      // The server does not read fixtures: the plugin itself would load.
      expect(result.stdout).toContain('场景用例有误');
    }
    expect(malformed.stdout).toContain(`${fixture}#/steps/0/expect/stat: 不允许填写字段 "stat"`);
    expect(foreignMaterial.stdout).toContain(`${fixture}#/materials/birth-certificate: 材料 birth-certificate 不在事项 ${CODE} 的材料清单中`);
  }, 120_000);

  it('reports a fixture step sending an event the procedure does not take', async () => {
    const fixture = join('items', CODE, 'test', 'cases', 'happy-path.json');
    const result = await checkBroken('event', (dir) => editJson(join(dir, fixture), (value) => { value.steps[0].event = 'ACCEPTT'; }));
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('场景用例有误');
    expect(result.stdout).toMatch(new RegExp(`${fixture}#/steps/0/event: 事项 ${CODE} 的办理流程没有事件 ACCEPTT（可用：.*ACCEPT、`));
  }, 120_000);

  it('refuses a delivery mode that shadows a built-in, a fields schema that does not compile and a misspelt keyword', async () => {
    const mode = (code: string, fieldsSchema: object) => (manifest: any) => { manifest.deliveryModes = [{ code, name: '网格员送达', fieldsSchema }]; };
    const [shadow, badType, badFormat, misspelt] = await Promise.all([
      checkBroken('shadow', (dir) => editJson(join(dir, 'bianmin.json'), mode('door', { type: 'object' }))),
      checkBroken('strng', (dir) => editJson(join(dir, 'bianmin.json'), mode('grid-worker', { type: 'object', properties: { gridWorker: { type: 'strng' } } }))),
      checkBroken('datetime', (dir) => editJson(join(dir, 'bianmin.json'), mode('grid-worker', { type: 'object', properties: { at: { type: 'string', format: 'datetime' } } }))),
      checkBroken('keyword', (dir) => editJson(join(dir, ITEM), (item) => { item.form.schema.properties.applicant.properties.idNumber.minAgeFromID = 60; })),
    ]);
    for (const result of [shadow, badType, badFormat, misspelt]) {
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toContain('服务器将拒绝加载此插件');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(shadow.stdout).toContain('bianmin.json#/deliveryModes/0/code: 送达方式 door 与内置送达方式同名，请另取编码');
    expect(badType.stdout).toContain('bianmin.json#/deliveryModes/0/fieldsSchema/properties/gridWorker/type: 不符合 JSON Schema 规范：取值 "strng"');
    expect(badFormat.stdout).toContain('bianmin.json#/deliveryModes/0/fieldsSchema/properties/at: 未知的格式 "datetime"');
    expect(misspelt.stdout).toContain(`${ITEM}#/form/schema/properties/applicant/properties/idNumber/minAgeFromID: 未知的关键字 "minAgeFromID"，是否应为 "minAgeFromId"`);
  }, 120_000);

  it('makes plugin test report a broken fields schema as a refusal, not a stack trace', async () => {
    const dir = copyPlugin(original, 'test-strng');
    editJson(join(dir, 'bianmin.json'), (manifest) => {
      manifest.deliveryModes = [{ code: 'grid-worker', name: '网格员送达', fieldsSchema: { type: 'object', properties: { gridWorker: { type: 'strng' } } } }];
    });
    const result = await runCli(['plugin', 'test', dir]);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('#/deliveryModes/0/fieldsSchema/properties/gridWorker/type: ');
    expect(result.stdout).toContain('插件被拒绝加载');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
