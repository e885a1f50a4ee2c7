import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Level } from '@bianmin/contract';
import { AppError } from '../errors/index.ts';

export interface Organisation {
  id: string;
  code: string;
  name: string;
  shortName: string;
  level: Level;
  parentId: string | null;
  address?: string | null;
  phone?: string | null;
  reviewOrgan?: string | null;
  court?: string | null;
}

export type NewOrganisation = Omit<Organisation, 'id'> & { id?: string };

const LEVEL_RANK: Record<Level, number> = { county: 0, township: 1, village: 2 };

function fromRow(row: Record<string, unknown>): Organisation {
  return {
    id: row.id as string,
    code: row.code as string,
    name: row.name as string,
    shortName: row.short_name as string,
    level: row.level as Level,
    parentId: (row.parent_id as string | null) ?? null,
    address: row.address as string | null,
    phone: row.phone as string | null,
    reviewOrgan: row.review_organ as string | null,
    court: row.court as string | null,
  };
}

export async function createOrg(db: Knex, org: NewOrganisation, now = new Date()): Promise<Organisation> {
  if (org.parentId) {
    const parent = await getOrg(db, org.parentId);
    if (!parent) throw new AppError('VALIDATION_FAILED', '上级组织不存在', [{ pointer: '/parentId', message: '上级组织不存在' }]);
    if (LEVEL_RANK[org.level] !== LEVEL_RANK[parent.level] + 1) {
      throw new AppError('VALIDATION_FAILED', '组织层级不正确', [
        { pointer: '/level', message: `${parent.name}（${parent.level}）的下级只能是 ${nextLevel(parent.level) ?? '无'}` },
      ]);
    }
  } else if (org.level !== 'county') {
    throw new AppError('VALIDATION_FAILED', '组织层级不正确', [{ pointer: '/parentId', message: '乡镇和村级组织必须有上级组织' }]);
  }
  if (await db('orgs').where({ code: org.code }).first()) {
    throw new AppError('DUPLICATE', `组织编码 ${org.code} 已存在`, [{ pointer: '/code', message: '编码已存在' }]);
  }
  const id = org.id ?? randomUUID();
  await db('orgs').insert({
    id,
    code: org.code,
    name: org.name,
    short_name: org.shortName,
    level: org.level,
    parent_id: org.parentId,
    address: org.address ?? null,
    phone: org.phone ?? null,
    review_organ: org.reviewOrgan ?? null,
    court: org.court ?? null,
    created_at: now.toISOString(),
  });
  return { ...org, id };
}

function nextLevel(level: Level): Level | null {
  return level === 'county' ? 'township' : level === 'township' ? 'village' : null;
}

export async function getOrg(db: Knex, id: string): Promise<Organisation | null> {
  const row = await db('orgs').where({ id }).first();
  return row ? fromRow(row) : null;
}

export async function listOrgs(db: Knex): Promise<Organisation[]> {
  return (await db('orgs').orderBy([{ column: 'level' }, { column: 'code' }])).map(fromRow);
}

/**
 * The organisations a user of `orgId` may see: their own and every one below it (a township clerk
 * sees the township and its villages; a county user sees the whole county).
 */
export function scopeOf(all: Organisation[], orgId: string): Set<string> {
  const scope = new Set([orgId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const org of all) {
      if (org.parentId && scope.has(org.parentId) && !scope.has(org.id)) {
        scope.add(org.id);
        grew = true;
      }
    }
  }
  return scope;
}

/** The chain from an organisation up to the county, starting with itself. */
export function ancestry(all: Organisation[], orgId: string): Organisation[] {
  const byId = new Map(all.map((o) => [o.id, o]));
  const chain: Organisation[] = [];
  for (let org = byId.get(orgId); org; org = org.parentId ? byId.get(org.parentId) : undefined) chain.push(org);
  return chain;
}
