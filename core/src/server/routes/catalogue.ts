import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/index.ts';
import type { RegisteredItem } from '../../registry/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { formatProblem } from '../../plugin-loading/index.ts';
import { anyObject, codeParams, errorResponses, problemSchema } from '../schemas.ts';

export const itemSummarySchema = {
  type: 'object',
  required: ['code', 'version', 'versions', 'name', 'department', 'level', 'kind', 'source', 'itemType', 'promisedDays', 'bundle', 'tags'],
  properties: {
    code: { type: 'string' },
    version: { type: 'string' },
    versions: { type: 'array', items: { type: 'string' } },
    name: { type: 'string' },
    department: { type: 'string' },
    level: { type: 'string' },
    kind: { type: 'string' },
    source: { type: 'string' },
    itemType: { type: 'string' },
    promisedDays: { type: ['integer', 'null'] },
    bundle: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** An item's definition as the contract defines it (contract/schemas/item.schema.json), with where it came from. */
export const itemDefinitionSchema = {
  type: 'object',
  additionalProperties: true,
  required: ['code', 'version', 'name'],
  description: '事项定义（契约 item.schema.json 的形状）',
  properties: {
    code: { type: 'string' },
    version: { type: 'string' },
    name: { type: 'string' },
    department: { type: 'string' },
    level: { type: 'string' },
    guide: anyObject,
    materials: { type: 'array', items: anyObject },
    form: anyObject,
    procedure: anyObject,
    documents: { type: 'array', items: anyObject },
    delivery: anyObject,
    bundle: anyObject,
    tags: { type: 'array', items: { type: 'string' } },
  },
} as const;

const pluginsSchema = {
  type: 'object',
  required: ['loaded', 'refused'],
  properties: {
    loaded: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          version: { type: 'string' },
          origin: { type: 'string' },
          dir: { type: 'string' },
          status: { type: 'string', enum: ['loaded'] },
          items: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, version: { type: 'string' }, name: { type: 'string' } } } },
          seals: { type: 'array', items: { type: 'string' } },
          deliveryModes: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    refused: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          origin: { type: 'string' },
          dir: { type: 'string' },
          status: { type: 'string', enum: ['refused'] },
          reason: { type: 'string' },
          problems: { type: 'array', items: problemSchema },
        },
      },
    },
  },
} as const;

export function itemSummary(rt: Runtime, entry: RegisteredItem) {
  const d = entry.definition;
  const promised = d.guide.promisedTimeLimit;
  return {
    code: d.code,
    version: d.version,
    versions: rt.registry.versions(d.code),
    name: d.name,
    department: d.department,
    level: d.level,
    kind: d.procedure.kind,
    source: entry.source,
    itemType: d.guide.itemType,
    promisedDays: d.procedure.promisedDays ?? (promised.unit === 'working-days' ? promised.value : null),
    bundle: Boolean(d.bundle),
    tags: d.tags ?? [],
  };
}

export function findItem(rt: Runtime, code: string, version?: string): RegisteredItem {
  const entry = rt.registry.get(code, version);
  if (!entry) throw new AppError('ITEM_NOT_FOUND', version ? `事项 ${code} 没有 ${version} 版本` : `事项 ${code} 不存在`);
  return entry;
}

export function catalogueRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get('/api/items', { schema: { tags: ['catalogue'], summary: '事项目录', response: { 200: { type: 'array', items: itemSummarySchema } } } }, async () =>
    rt.registry.list().map((entry) => itemSummary(rt, entry)),
  );

  app.get<{ Params: { code: string }; Querystring: { version?: string } }>(
    '/api/items/:code',
    {
      schema: {
        tags: ['catalogue'],
        summary: '事项定义（最新发布版本，或指定 version）',
        params: codeParams,
        querystring: { type: 'object', additionalProperties: false, properties: { version: { type: 'string', maxLength: 40 } } },
        response: {
          200: {
            ...itemDefinitionSchema,
            properties: { ...itemDefinitionSchema.properties, source: { type: 'string', description: '来源：插件名或 admin' }, versions: { type: 'array', items: { type: 'string' } } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const entry = findItem(rt, request.params.code, request.query.version);
      return { ...entry.definition, source: entry.source, versions: rt.registry.versions(entry.definition.code) };
    },
  );

  app.get('/api/plugins', { schema: { tags: ['catalogue'], summary: '已加载和被拒绝的插件', response: { 200: pluginsSchema } } }, async () => ({
    loaded: rt.plugins.loaded.map((p) => ({
      name: p.name,
      version: p.version,
      origin: p.origin,
      dir: p.dir,
      status: 'loaded',
      items: p.items.map((s) => ({ code: s.item.code, version: s.item.version, name: s.item.name })),
      seals: (p.manifest.seals ?? []).map((s) => s.code),
      deliveryModes: (p.manifest.deliveryModes ?? []).map((d) => d.code),
    })),
    refused: rt.plugins.refused.map((p) => ({
      name: p.name,
      origin: p.origin,
      dir: p.dir,
      status: 'refused',
      reason: p.problems.map(formatProblem).join('\n'),
      problems: p.problems,
    })),
  }));
}
