import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError } from '../errors/index.ts';

/** A service window: 综合窗口 takes every item (一窗受理), 分类窗口 one department's. */
export interface ServiceWindow {
  id: string;
  orgId: string;
  name: string;
  kind: 'general' | 'department';
}

export async function createWindow(db: Knex, w: Omit<ServiceWindow, 'id'>, now = new Date()): Promise<ServiceWindow> {
  if (await db('windows').where({ org_id: w.orgId, name: w.name }).first()) {
    throw new AppError('DUPLICATE', `窗口“${w.name}”已存在`, [{ pointer: '/name', message: '窗口名称已存在' }]);
  }
  const id = randomUUID();
  await db('windows').insert({ id, org_id: w.orgId, name: w.name, kind: w.kind, created_at: now.toISOString() });
  return { id, ...w };
}

export async function listWindows(db: Knex, orgIds?: Iterable<string>): Promise<ServiceWindow[]> {
  const q = db('windows').orderBy('name');
  if (orgIds) q.whereIn('org_id', [...orgIds]);
  return (await q).map((r) => ({ id: r.id, orgId: r.org_id, name: r.name, kind: r.kind }));
}
