// The item composer's API: validate and save drafts in the manifest's item shape, publish immutable
// versions into the registry, preview a procedure's machine, and set township overlays.
import type { FastifyInstance } from 'fastify';
import { templateFor } from '@bianmin/workflows';
import type { ItemDefinition, Procedure } from '@bianmin/contract';
import { listDeliveryModes } from '../../delivery/index.ts';
import { AppError, type ErrorDetail } from '../../errors/index.ts';
import { listWindows } from '../../org/index.ts';
import { checkItem, checkItemShape } from '../../plugin-loading/index.ts';
import { assertValidOverlay, listStoredDefinitions, publishDraft, saveDraft, saveOverlay, findOverlay, validateOverlay, type ItemOverlay } from '../../registry/index.ts';
import { itemChecks } from '../../runtime/item-checks.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { requireRole } from '../authentication.ts';
import { anyObject, codeParams, errorResponses, problemSchema } from '../schemas.ts';
import { itemDefinitionSchema, itemSummary, itemSummarySchema } from './catalogue.ts';

const problems = { type: 'object', required: ['problems'], properties: { problems: { type: 'array', items: problemSchema } } } as const;

const overlaySchema = {
  type: 'object',
  required: ['orgId', 'itemCode', 'overlay'],
  properties: { orgId: { type: 'string' }, itemCode: { type: 'string' }, overlay: { ...anyObject, type: ['object', 'null'], description: '本地化配置（未设置为 null）' } },
} as const;

async function sealCodes(rt: Runtime, orgIds?: string[]): Promise<Set<string>> {
  if (!(await rt.db.schema.hasTable('seals'))) return new Set();
  const q = rt.db('seals').distinct('code');
  if (orgIds) q.whereIn('org_id', orgIds);
  const pluginSeals = rt.plugins.loaded.flatMap((p) => (p.manifest.seals ?? []).map((s) => s.code));
  return new Set([...(await q).map((r: { code: string }) => r.code), ...pluginSeals]);
}

/** Every problem of a composed definition, as JSON pointers into it. */
export async function definitionProblems(rt: Runtime, definition: unknown): Promise<ErrorDetail[]> {
  const shape = checkItemShape(definition);
  if (shape.length > 0) return shape;
  const item = definition as ItemDefinition;
  const existing = rt.registry.get(item.code);
  if (existing && existing.source !== 'admin') {
    return [{ pointer: '/code', message: `事项编码 ${item.code} 属于插件 ${existing.source}，请通过本地化配置调整，或换用新的编码` }];
  }
  return checkItem(item, {
    sealCodes: await sealCodes(rt),
    deliveryModeCodes: new Set((await listDeliveryModes(rt.db)).map((m) => m.code)),
    itemCodes: rt.registry.codes(),
    code: {},
    ...itemChecks(rt.items, { compileForms: true }),
  });
}

export function adminItemRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get('/api/admin/items/drafts', {
    schema: {
      tags: ['admin'],
      summary: '事项草稿',
      response: { 200: { type: 'array', items: { ...itemDefinitionSchema, properties: { ...itemDefinitionSchema.properties, status: { type: 'string' }, createdAt: { type: 'string' } } } }, ...errorResponses },
    },
  }, async (request) => {
    requireRole(request, 'admin');
    return (await listStoredDefinitions(rt.db, { status: 'draft' })).map((d) => ({ ...d.definition, status: d.status, createdAt: d.createdAt }));
  });

  app.post<{ Body: unknown }>(
    '/api/admin/items/validate',
    { schema: { tags: ['admin'], summary: '校验事项定义（不保存）', body: anyObject, response: { 200: problems, ...errorResponses } } },
    async (request) => {
      requireRole(request, 'admin');
      return { problems: await definitionProblems(rt, request.body) };
    },
  );

  app.post<{ Body: ItemDefinition }>(
    '/api/admin/items',
    {
      schema: {
        tags: ['admin'],
        summary: '保存事项草稿（清单中的事项格式）',
        body: anyObject,
        response: { 201: { type: 'object', properties: { code: { type: 'string' }, version: { type: 'string' }, status: { type: 'string' } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, 'admin');
      const problems = await definitionProblems(rt, request.body);
      if (problems.length > 0) throw new AppError('INVALID_DEFINITION', undefined, problems);
      if (rt.registry.get(request.body.code, request.body.version)) {
        throw new AppError('VERSION_EXISTS', undefined, [{ pointer: '/version', message: `${request.body.version} 版已发布` }]);
      }
      const saved = await saveDraft(rt.db, request.body, user.id, rt.now());
      return reply.status(201).send({ code: saved.definition.code, version: saved.definition.version, status: saved.status });
    },
  );

  app.post<{ Params: { code: string } }>(
    '/api/admin/items/:code/publish',
    {
      schema: {
        tags: ['admin'],
        summary: '发布事项草稿为不可变版本',
        params: codeParams,
        response: { 200: { ...itemSummarySchema, properties: { ...itemSummarySchema.properties, status: { type: 'string', enum: ['published'] } } }, ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const definition = await publishDraft(rt.db, request.params.code, rt.now());
      const outcome = rt.registry.register(definition, 'admin');
      if (outcome.status === 'conflict') throw new AppError('VERSION_EXISTS');
      return { ...itemSummary(rt, rt.registry.get(definition.code, definition.version)!), status: 'published' };
    },
  );

  app.post<{ Body: { procedure: Procedure } }>(
    '/api/admin/procedures/preview',
    {
      schema: {
        tags: ['admin'],
        summary: '预览办理流程状态机',
        body: { type: 'object', required: ['procedure'], properties: { procedure: anyObject } },
        response: { 200: { type: 'object', required: ['config', 'problems'], properties: { config: { ...anyObject, type: ['object', 'null'], description: 'XState 配置' }, problems: problems.properties.problems } }, ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const procedure = request.body.procedure;
      const problems = itemChecks(rt.items).checkProcedure({ procedure } as ItemDefinition, {});
      let config: unknown = null;
      try {
        config = procedure.config ?? templateFor(procedure);
      } catch (err) {
        problems.push({ pointer: '', message: (err as Error).message });
      }
      return { config, problems };
    },
  );

  app.get<{ Params: { code: string }; Querystring: { orgId?: string } }>(
    '/api/admin/items/:code/overlay',
    {
      schema: {
        tags: ['admin'],
        summary: '本单位对事项的本地化配置',
        params: codeParams,
        querystring: { type: 'object', properties: { orgId: { type: 'string' } } },
        response: { 200: overlaySchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireRole(request, 'admin', 'clerk', 'approver', 'supervisor', 'head');
      const orgId = request.query.orgId ?? user.orgId;
      const found = await findOverlay(rt.db, [orgId], request.params.code);
      return { orgId, itemCode: request.params.code, overlay: found?.overlay ?? null };
    },
  );

  app.put<{ Params: { code: string }; Querystring: { orgId?: string }; Body: ItemOverlay }>(
    '/api/admin/items/:code/overlay',
    {
      schema: {
        tags: ['admin'],
        summary: '设置本单位对事项的本地化配置（承诺时限、印章、送达方式、收费、窗口）',
        params: codeParams,
        querystring: { type: 'object', properties: { orgId: { type: 'string' } } },
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            promisedDays: { type: 'integer', minimum: 1, maximum: 365 },
            documents: { type: 'array', items: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, seal: { type: 'string' }, sealKind: { type: 'string' }, title: { type: 'string' } } } },
            deliveryModes: { type: 'array', minItems: 1, items: { type: 'string' } },
            fee: { type: 'object', required: ['charged', 'description'], properties: { charged: { type: 'boolean' }, amount: { type: 'number', minimum: 0 }, description: { type: 'string' } } },
            windows: { type: 'array', items: { type: 'string' } },
          },
        },
        response: { 200: overlaySchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireRole(request, 'admin');
      const orgId = request.query.orgId ?? user.orgId;
      if (!rt.orgs.scope(user.orgId).has(orgId)) throw new AppError('FORBIDDEN', '只能配置本单位及下级单位');
      const entry = rt.registry.get(request.params.code);
      if (!entry) throw new AppError('ITEM_NOT_FOUND');
      const problems = validateOverlay(entry.definition, request.body, {
        sealCodes: await sealCodes(rt, rt.orgs.chain(orgId).map((o) => o.id)),
        deliveryModeCodes: new Set((await listDeliveryModes(rt.db, orgId)).map((m) => m.code)),
        windowIds: new Set((await listWindows(rt.db, [orgId])).map((w) => w.id)),
      });
      assertValidOverlay(problems);
      await saveOverlay(rt.db, orgId, request.params.code, request.body, user.id, rt.now());
      return { orgId, itemCode: request.params.code, overlay: request.body };
    },
  );
}
