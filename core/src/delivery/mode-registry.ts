// The delivery modes a centre may offer, kept in `delivery_modes`: the built-in ones seeded from
// `builtinDeliveryModes`, and those an administrator (or a plugin) adds, as data.
import type { Knex } from 'knex';
import type { DeliveryModeDefinition } from '@bianmin/contract';
import { AppError, type ErrorDetail } from '../errors/index.ts';
import { readJson, writeJson } from '../store/json-column.ts';
import { useSql, type Sql } from '../store/sql/index.ts';
import { builtinDeliveryModes } from './builtin-modes.ts';
import { fieldsSchemaProblems } from './fields-validator.ts';

export interface DeliveryMode extends DeliveryModeDefinition {
  requiresProof: boolean;
  builtin: boolean;
  /** The organisation that added it; null when it is offered everywhere. */
  orgId: string | null;
  createdAt: string;
}

export interface NewDeliveryMode extends DeliveryModeDefinition {
  orgId?: string | null;
}

interface Row {
  code: string;
  name: string;
  fields_schema: string | object;
  requires_proof: boolean | number;
  builtin: boolean | number;
  org_id: string | null;
  created_at: string;
}

// Same rule as `Code` in the plugin manifest schema.
const CODE_PATTERN = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;

/**
 * Brings the built-in modes in line with `builtinDeliveryModes`: adds the missing ones and, after
 * an upgrade, updates their name and fields. Running it again changes nothing; a mode an
 * administrator created under the same code is left alone.
 */
export async function seedBuiltinDeliveryModes(db: Knex, now: Date = new Date()): Promise<void> {
  const rows = builtinDeliveryModes.map((m) => toRow({ ...m, orgId: null }, true, now));
  await db('delivery_modes')
    .insert(rows)
    .onConflict('code')
    .merge(['name', 'fields_schema', 'requires_proof'])
    .where('delivery_modes.builtin', true);
}

/**
 * Modes ordered built-in first, then by code. With `orgId`: those offered everywhere and those
 * of that organisation; without: every mode (the administrator's overview).
 */
export async function listDeliveryModes(db: Knex, orgId?: string): Promise<DeliveryMode[]> {
  const query = db<Row>('delivery_modes').select('*');
  if (orgId !== undefined) query.where((w) => w.whereNull('org_id').orWhere('org_id', orgId));
  const rows = await query;
  return rows.map(fromRow).sort((a, b) => Number(b.builtin) - Number(a.builtin) || a.code.localeCompare(b.code));
}

export async function getDeliveryMode(source: Knex | Sql, code: string): Promise<DeliveryMode | undefined> {
  const query = (sql: Sql) => sql.first<Row>('select * from delivery_modes where code = ?', [code]);
  const row = await useSql(source, query);
  return row ? fromRow(row) : undefined;
}

/**
 * Records a new mode after checking it; throws `AppError('INVALID_DEFINITION')` with one detail
 * per problem (JSON pointer into `def`), or `AppError('DUPLICATE')` when the code is taken.
 */
export async function createDeliveryMode(db: Knex, def: NewDeliveryMode, now: Date = new Date()): Promise<DeliveryMode> {
  const problems = checkDefinition(def);
  if (problems.length > 0) throw new AppError('INVALID_DEFINITION', '送达方式定义不合法', problems);
  const row = toRow(def, false, now);
  const inserted = await db('delivery_modes').insert(row).onConflict('code').ignore().returning('code');
  // SQLite reports an ignored insert as no row; PostgreSQL likewise returns nothing.
  if (inserted.length === 0) {
    throw new AppError('DUPLICATE', `送达方式编码「${def.code}」已存在`, [{ pointer: '/code', message: '编码已存在' }]);
  }
  return fromRow(row);
}

function checkDefinition(def: NewDeliveryMode): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (typeof def.code !== 'string' || def.code.length > 80 || !CODE_PATTERN.test(def.code)) {
    problems.push({ pointer: '/code', message: '编码须为2至80位小写字母、数字或连字符，且不以连字符开头或结尾' });
  }
  if (typeof def.name !== 'string' || def.name.trim() === '') {
    problems.push({ pointer: '/name', message: '请填写送达方式名称' });
  } else if (def.name.length > 200) {
    problems.push({ pointer: '/name', message: '名称不能超过200个字符' });
  }
  if (def.requiresProof !== undefined && typeof def.requiresProof !== 'boolean') {
    problems.push({ pointer: '/requiresProof', message: '“是否须签收凭证”应为是或否' });
  }
  if (def.fieldsSchema === null || typeof def.fieldsSchema !== 'object' || Array.isArray(def.fieldsSchema)) {
    problems.push({ pointer: '/fieldsSchema', message: '字段定义须为 JSON Schema 对象' });
  } else {
    if ((def.fieldsSchema as { type?: unknown }).type !== 'object') {
      problems.push({ pointer: '/fieldsSchema/type', message: '字段定义的类型须为 object' });
    }
    for (const { pointer, message } of fieldsSchemaProblems(def.fieldsSchema)) {
      problems.push({ pointer: `/fieldsSchema${pointer}`, message: `字段定义不合法：${message}` });
    }
  }
  return problems;
}

function toRow(def: NewDeliveryMode, builtin: boolean, now: Date): Row {
  return {
    code: def.code,
    name: def.name.trim(),
    fields_schema: writeJson(def.fieldsSchema),
    requires_proof: def.requiresProof ?? false,
    builtin,
    org_id: def.orgId ?? null,
    created_at: now.toISOString(),
  };
}

function fromRow(row: Row): DeliveryMode {
  return {
    code: row.code,
    name: row.name,
    fieldsSchema: readJson<object>(row.fields_schema),
    requiresProof: Boolean(row.requires_proof),
    builtin: Boolean(row.builtin),
    orgId: row.org_id,
    createdAt: row.created_at,
  };
}
