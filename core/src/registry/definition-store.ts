// Item definitions in the database: every plugin item version the server has run (so a case's
// pinned version survives the plugin's removal), and administrators' drafts and published items.
import type { Knex } from 'knex';
import type { ItemDefinition } from '@bianmin/contract';
import { AppError } from '../errors/index.ts';
import { readJson, writeJson } from '../store/index.ts';
import { definitionHash } from './definition-hash.ts';

export interface StoredDefinition {
  definition: ItemDefinition;
  source: string;
  status: 'draft' | 'published';
  createdAt: string;
  publishedAt: string | null;
}

function fromRow(row: Record<string, unknown>): StoredDefinition {
  return {
    definition: readJson<ItemDefinition>(row.definition),
    source: row.source as string,
    status: row.status as StoredDefinition['status'],
    createdAt: row.created_at as string,
    publishedAt: (row.published_at as string | null) ?? null,
  };
}

/** What registering needs of a stored version: its hash, not its parsed definition. */
export interface StoredVersion {
  code: string;
  version: string;
  hash: string;
  status: StoredDefinition['status'];
  source: string;
}

export async function listStoredVersions(db: Knex): Promise<StoredVersion[]> {
  return db('item_definitions').select('code', 'version', 'hash', 'status', 'source');
}

/** The stored definitions of these (code, version) pairs. */
export async function readStoredDefinitions(db: Knex, keys: ReadonlyArray<{ code: string; version: string }>): Promise<StoredDefinition[]> {
  const wanted = new Set(keys.map((k) => `${k.code}@${k.version}`));
  const codes = [...new Set(keys.map((k) => k.code))];
  const out: StoredDefinition[] = [];
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db('item_definitions').whereIn('code', codes.slice(i, i + 500));
    out.push(...rows.filter((r: { code: string; version: string }) => wanted.has(`${r.code}@${r.version}`)).map(fromRow));
  }
  return out;
}

/**
 * Records published plugin item versions not yet stored, in one transaction (one insert per 100
 * rows). The caller has compared hashes: a version already stored is left as it is.
 */
export async function recordPublishedDefinitions(
  db: Knex,
  entries: ReadonlyArray<{ definition: ItemDefinition; hash: string; source: string }>,
  now = new Date(),
): Promise<void> {
  if (entries.length === 0) return;
  const at = now.toISOString();
  const rows = entries.map(({ definition, hash, source }) => ({
    code: definition.code,
    version: definition.version,
    source,
    status: 'published',
    definition: writeJson(definition),
    hash,
    created_at: at,
    published_at: at,
  }));
  await db.transaction(async (trx) => {
    for (let i = 0; i < rows.length; i += 100) await trx('item_definitions').insert(rows.slice(i, i + 100)).onConflict(['code', 'version']).ignore();
  });
}

export async function listStoredDefinitions(db: Knex, filter: { status?: 'draft' | 'published'; source?: string } = {}): Promise<StoredDefinition[]> {
  const q = db('item_definitions').orderBy([{ column: 'code' }, { column: 'created_at' }]);
  if (filter.status) q.where('status', filter.status);
  if (filter.source) q.where('source', filter.source);
  return (await q).map(fromRow);
}

/** Saves (or replaces) an administrator's draft; a published version is immutable. */
export async function saveDraft(db: Knex, definition: ItemDefinition, userId: string, now = new Date()): Promise<StoredDefinition> {
  return db.transaction(async (trx) => {
    const existing = await trx('item_definitions').where({ code: definition.code, version: definition.version }).first();
    if (existing?.status === 'published') {
      throw new AppError('VERSION_EXISTS', `事项 ${definition.code} 的 ${definition.version} 版已发布，不可修改；请使用新的版本号`, [
        { pointer: '/version', message: '该版本已发布' },
      ]);
    }
    const row = {
      code: definition.code,
      version: definition.version,
      source: 'admin',
      status: 'draft',
      definition: writeJson(definition),
      hash: definitionHash(definition),
      created_by: userId,
      created_at: now.toISOString(),
      published_at: null,
    };
    if (existing) await trx('item_definitions').where({ code: definition.code, version: definition.version }).update(row);
    else await trx('item_definitions').insert(row);
    return fromRow(row);
  });
}

/** Publishes the newest draft of an item; returns the published definition. */
export async function publishDraft(db: Knex, code: string, now = new Date()): Promise<ItemDefinition> {
  return db.transaction(async (trx) => {
    const draft = await trx('item_definitions').where({ code, status: 'draft' }).orderBy('created_at', 'desc').first();
    if (!draft) throw new AppError('DRAFT_NOT_FOUND', `事项 ${code} 没有待发布的草稿`);
    await trx('item_definitions')
      .where({ code, version: draft.version, status: 'draft' })
      .update({ status: 'published', published_at: now.toISOString() });
    return readJson<ItemDefinition>(draft.definition);
  });
}
