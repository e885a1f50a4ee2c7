import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors/index.ts';
import { up } from '../store/migrations/0005_delivery_notify.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDeliveryMode, getDeliveryMode, listDeliveryModes, seedBuiltinDeliveryModes } from './mode-registry.ts';

let t: TestDatabase;
let db: Knex;

const villageDrone = {
  code: 'drone-drop',
  name: '无人机投递',
  requiresProof: true,
  orgId: 'org-wuxie',
  fieldsSchema: {
    type: 'object',
    required: ['flightId'],
    properties: { flightId: { type: 'string', title: '航班编号' }, proofRef: { type: 'string', title: '签收照片' } },
  },
};

async function expectAppError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(['sqlite', 'postgres'] as const)('delivery mode registry on %s', (kind) => {
  beforeEach(async () => {
    t = await createTestDatabase(kind, { migrate: false });
    db = t.db;
    await up(db);
  });
  afterEach(() => t.destroy());

  it('seeds the five built-in modes once, however often it runs', async () => {
    await seedBuiltinDeliveryModes(db);
    await seedBuiltinDeliveryModes(db);
    const modes = await listDeliveryModes(db);
    expect(modes.map((m) => m.code).sort()).toEqual(['door', 'electronic', 'postal', 'self-service', 'window-pickup']);
    expect(modes.every((m) => m.builtin && m.orgId === null)).toBe(true);
    const door = modes.find((m) => m.code === 'door')!;
    expect(door.name).toBe('上门送达');
    expect(door.requiresProof).toBe(true);
    expect(door.fieldsSchema).toMatchObject({ required: ['agentName', 'recipientName', 'proofKind', 'proofRef'] });
  });

  it('restores a built-in mode changed since, but not an administrator\'s mode under a built-in code', async () => {
    await createDeliveryMode(db, { code: 'door', name: '村里送', fieldsSchema: { type: 'object' } });
    await seedBuiltinDeliveryModes(db, new Date('2026-01-01T00:00:00Z'));
    await db('delivery_modes').where({ code: 'postal' }).update({ name: '旧名称', fields_schema: '{"type":"object"}' });
    await seedBuiltinDeliveryModes(db, new Date('2026-06-01T00:00:00Z'));
    const postal = await getDeliveryMode(db, 'postal');
    expect(postal).toMatchObject({ name: '邮寄送达', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(postal?.fieldsSchema).toMatchObject({ required: ['carrier', 'trackingNumber'] });
    expect(await getDeliveryMode(db, 'door')).toMatchObject({ name: '村里送', builtin: false, requiresProof: false });
  });

  it('keeps a mode added by a township for that township only', async () => {
    await seedBuiltinDeliveryModes(db);
    const created = await createDeliveryMode(db, villageDrone, new Date('2026-11-23T08:00:00Z'));
    expect(created).toMatchObject({ code: 'drone-drop', builtin: false, requiresProof: true, orgId: 'org-wuxie', createdAt: '2026-11-23T08:00:00.000Z' });
    expect((await listDeliveryModes(db, 'org-wuxie')).map((m) => m.code)).toContain('drone-drop');
    expect((await listDeliveryModes(db, 'org-other')).map((m) => m.code)).not.toContain('drone-drop');
    expect((await listDeliveryModes(db, 'org-other'))).toHaveLength(5);
    expect(await getDeliveryMode(db, 'drone-drop')).toEqual(created);
    expect(await getDeliveryMode(db, 'nope')).toBeUndefined();
  });

  it('refuses a taken code with DUPLICATE at /code', async () => {
    await seedBuiltinDeliveryModes(db);
    const error = await expectAppError(createDeliveryMode(db, { ...villageDrone, code: 'postal' }));
    expect(error.code).toBe('DUPLICATE');
    expect(error.details).toEqual([{ pointer: '/code', message: '编码已存在' }]);
  });

  it('names every problem of an invalid definition by JSON pointer', async () => {
    const error = await expectAppError(
      createDeliveryMode(db, { code: 'Bad Code', name: '  ', fieldsSchema: { type: 'object', properties: { a: { type: 'strnig' } } } }),
    );
    expect(error.code).toBe('INVALID_DEFINITION');
    expect([...new Set(error.details?.map((d) => d.pointer))]).toEqual(['/code', '/name', '/fieldsSchema/properties/a/type']);
    expect(error.details?.every((d) => /[\u4e00-\u9fa5]/.test(d.message))).toBe(true);
    expect(await listDeliveryModes(db)).toEqual([]);
  });

  it('refuses a format nobody registered, so a misspelt one cannot accept anything', async () => {
    const schema = { type: 'object', properties: { id: { type: 'string', format: 'cn-idnumber' } } };
    const error = await expectAppError(createDeliveryMode(db, { code: 'typo', name: '笔误', fieldsSchema: schema }));
    expect(error.details).toEqual([{ pointer: '/fieldsSchema/properties/id', message: '字段定义不合法：未知的格式 "cn-idnumber"' }]);
  });

  it('requires the fields schema to describe an object', async () => {
    const error = await expectAppError(createDeliveryMode(db, { code: 'odd', name: '奇怪', fieldsSchema: { type: 'string' } }));
    expect(error.details).toEqual([{ pointer: '/fieldsSchema/type', message: '字段定义的类型须为 object' }]);
  });
});
