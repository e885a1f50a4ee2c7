// Plugins found in BIANMIN_PLUGINS folders: a good one appears in /api/items with no code change;
// each kind of broken plugin is refused with its file and JSON pointer while the rest load.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testItem, writeTestPlugin } from '../support/test-items.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const folder = mkdtempSync(join(tmpdir(), 'bianmin-plugins-'));

function plugin(name: string, mutate: (item: Record<string, any>) => void, extra: Record<string, unknown> = {}) {
  const item = testItem(`${name}-item`, { kind: 'immediate' }) as unknown as Record<string, any>;
  mutate(item);
  writeTestPlugin(join(folder, name), [item as never], extra as never, `@test/${name}`);
}

let s: TestServer;
beforeAll(async () => {
  plugin('good', () => {});
  mkdirSync(join(folder, 'bad-json'));
  writeFileSync(join(folder, 'bad-json', 'package.json'), JSON.stringify({ name: '@test/bad-json', bianmin: { manifest: './bianmin.json' } }));
  writeFileSync(join(folder, 'bad-json', 'bianmin.json'), '{ "contractVersion": "1", "items": [ ');
  plugin('schema-violation', (i) => {
    i.level = 'province';
  });
  plugin('unknown-action', (i) => {
    i.procedure = {
      kind: 'immediate',
      config: { id: 'case', initial: 'received', states: { received: { on: { ACCEPT: [{ target: 'concluded', actions: [{ type: 'launchRocket' }] }] } }, concluded: { type: 'final' } } },
    };
  });
  plugin('unreachable-state', (i) => {
    i.procedure = {
      kind: 'immediate',
      config: { id: 'case', initial: 'received', states: { received: { on: { ACCEPT: [{ target: 'concluded' }] } }, orphan: { on: { GO: [{ target: 'concluded' }] } }, concluded: { type: 'final' } } },
    };
  });
  plugin('missing-seal', (i) => {
    i.documents = [{ kind: 'result', seal: 'seal-nobody-registered' }];
  });
  // Every schema a plugin carries is checked at load: a broken one refuses that plugin, never the server.
  const mode = (fieldsSchema: object, code = 'grid-worker') => ({ deliveryModes: [{ code, name: '网格员送达', fieldsSchema }] });
  plugin('mode-bad-type', () => {}, mode({ type: 'object', properties: { gridWorker: { type: 'strng' } } }));
  plugin('mode-bad-format', () => {}, mode({ type: 'object', properties: { deliveredAt: { type: 'string', format: 'datetime' } } }));
  plugin('mode-shadows-builtin', () => {}, mode({ type: 'object' }, 'postal'));
  plugin('misspelt-keyword', (i) => {
    i.form.schema.properties.applicant.properties.idNumber.minAgeFromID = 60;
  });
  s = await startTestServer({ runtime: { pluginFolders: [folder] } });
});
afterAll(() => s?.close());

describe('plugins in BIANMIN_PLUGINS folders', () => {
  it('loads a good plugin with no code change and serves its item', async () => {
    const items = await s.call(await s.login('clerk-wx'), 'GET', '/api/items');
    expect(items.body.map((i: { code: string }) => i.code)).toContain('good-item');
    expect(items.body.find((i: { code: string }) => i.code === 'good-item').source).toBe('plugin:@test/good@1.0.0');
  });

  it('refuses each broken plugin with the file, the JSON pointer and the reason', async () => {
    const res = await s.call(await s.login('clerk-wx'), 'GET', '/api/plugins');
    const refused = Object.fromEntries(res.body.refused.map((p: { name: string; problems: { file: string; pointer: string; message: string }[] }) => [p.name, p.problems]));
    expect(Object.keys(refused).sort()).toEqual([
      '@test/bad-json', '@test/missing-seal', '@test/misspelt-keyword', '@test/mode-bad-format', '@test/mode-bad-type', '@test/mode-shadows-builtin',
      '@test/schema-violation', '@test/unknown-action', '@test/unreachable-state',
    ]);
    const lines = (name: string) => refused[name].map((p: { file: string; pointer: string; message: string }) => `${p.file.split('/').slice(-2).join('/')}#${p.pointer}: ${p.message}`);
    expect(lines('@test/mode-bad-type')).toEqual([
      'mode-bad-type/bianmin.json#/deliveryModes/0/fieldsSchema/properties/gridWorker/type: 不符合 JSON Schema 规范：取值 "strng" 应为 "array"、"boolean"、"integer"、"null"、"number"、"object"、"string" 之一',
    ]);
    expect(lines('@test/mode-bad-format')).toEqual(['mode-bad-format/bianmin.json#/deliveryModes/0/fieldsSchema/properties/deliveredAt: 未知的格式 "datetime"']);
    expect(lines('@test/mode-shadows-builtin')).toEqual(['mode-shadows-builtin/bianmin.json#/deliveryModes/0/code: 送达方式 postal 与内置送达方式同名，请另取编码']);
    expect(lines('@test/misspelt-keyword')).toEqual([
      'misspelt-keyword/bianmin.json#/items/0/form/schema/properties/applicant/properties/idNumber/minAgeFromID: 未知的关键字 "minAgeFromID"，是否应为 "minAgeFromId"（严格模式不接受未声明的关键字）',
    ]);
    expect(refused['@test/bad-json'][0]).toMatchObject({ file: expect.stringMatching(/bad-json\/bianmin\.json$/), message: expect.stringMatching(/JSON/) });
    expect(refused['@test/schema-violation']).toContainEqual(expect.objectContaining({ pointer: '/items/0/level' }));
    expect(refused['@test/unknown-action'].map((p: { pointer: string; message: string }) => `${p.pointer} ${p.message}`).join('\n')).toMatch(/\/items\/0\/procedure\/config\/states\/received\/on\/ACCEPT\/0\/actions\/0.*launchRocket/);
    expect(refused['@test/unreachable-state'].map((p: { pointer: string }) => p.pointer).join(' ')).toMatch(/\/items\/0\/procedure\/config\/states\/orphan/);
    expect(refused['@test/missing-seal']).toContainEqual(expect.objectContaining({ pointer: '/items/0/documents/0/seal' }));
    expect(res.body.loaded.map((p: { name: string }) => p.name).sort()).toEqual(['@test/good']);
    const health = await s.call(null, 'GET', '/api/health');
    expect(health.body.plugins).toEqual({ loaded: 1, refused: 9 });
    // The server is up and serves the good plugin's item; no refused plugin's mode was registered.
    const modes = await s.call(await s.login('admin'), 'GET', '/api/admin/delivery-modes');
    expect(modes.body.map((m: { code: string }) => m.code)).not.toContain('grid-worker');
  });
});

describe('first start without the demo', () => {
  it('creates only the root organisation and the admin user with the given password', async () => {
    const bare = await startTestServer({ env: { BIANMIN_DEMO: '0', BIANMIN_ADMIN_PASSWORD: 'root-password-1' } });
    try {
      expect(bare.started.seed.signIns.map((u) => u.username)).toEqual(['admin']);
      expect(await bare.database.db('orgs').select('id')).toEqual([{ id: 'root' }]);
      expect((await bare.call(null, 'POST', '/api/auth/login', { username: 'clerk-wx', password: 'bianmin-demo' })).status).toBe(401);
      expect((await bare.call(null, 'POST', '/api/auth/login', { username: 'admin', password: 'root-password-1' })).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
