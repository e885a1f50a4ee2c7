// Seals and delivery modes are data: an administrator registers a seal (its stamp drawn from its
// text, previewable as SVG), revokes it, reads its use log, and adds delivery modes with the
// fields their DELIVER event must carry.
import type { FastifyInstance } from 'fastify';
import type { SealKind } from '@bianmin/contract';
import { createDeliveryMode, listDeliveryModes, type NewDeliveryMode } from '../../delivery/index.ts';
import { AppError } from '../../errors/index.ts';
import { createSeal, drawSealSvg, getSeal, listSeals, revokeSeal, sealStampSpec, type NewSeal } from '../../seals/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { requireRole } from '../authentication.ts';
import { anyObject, deliveryModeSchema, errorResponses, fileResponse, idParams, sealSchema } from '../schemas.ts';

const sealUseSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, documentId: { type: 'string' }, documentNumber: { type: 'string' }, digest: { type: 'string' }, usedBy: { type: 'string' }, usedAt: { type: 'string' } },
} as const;

export function adminSealRoutes(app: FastifyInstance, rt: Runtime): void {
  const sealInScope = async (userOrgId: string, id: string) => {
    const seal = await getSeal(rt.db, id);
    if (!seal || !rt.orgs.scope(userOrgId).has(seal.orgId)) throw new AppError('NOT_FOUND', '印章不存在');
    return seal;
  };

  app.get<{ Querystring: { orgId?: string } }>(
    '/api/admin/seals',
    {
      schema: {
        tags: ['admin'],
        summary: '印章登记',
        querystring: { type: 'object', additionalProperties: false, properties: { orgId: { type: 'string' } } },
        response: { 200: { type: 'array', items: sealSchema }, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireRole(request, 'admin', 'supervisor', 'clerk', 'approver', 'head');
      const scope = rt.orgs.scope(user.orgId);
      const orgIds = request.query.orgId ? [request.query.orgId].filter((id) => scope.has(id)) : [...scope];
      return (await Promise.all(orgIds.map((id) => listSeals(rt.db, id)))).flat();
    },
  );

  app.post<{ Body: NewSeal }>(
    '/api/admin/seals',
    {
      schema: {
        tags: ['admin'],
        summary: '登记印章（含电子印章密钥）',
        body: {
          type: 'object',
          required: ['orgId', 'code', 'name', 'kind'],
          additionalProperties: false,
          properties: {
            orgId: { type: 'string', minLength: 1 },
            code: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*[a-z0-9]$', maxLength: 80 },
            name: { type: 'string', minLength: 2, maxLength: 40 },
            kind: { type: 'string', enum: ['official', 'approval', 'business', 'e-seal'] },
            purpose: { type: 'string', maxLength: 12 },
            serial: { type: 'string', maxLength: 20 },
            validFrom: { type: 'string', format: 'date-time' },
            validTo: { type: 'string', format: 'date-time' },
            itemCodes: { type: 'array', maxItems: 200, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 80 }, description: '只用于这些事项的文书（不填：本单位所有事项按印章类型选用）' },
          },
        },
        response: { 201: sealSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, 'admin');
      if (!rt.orgs.scope(user.orgId).has(request.body.orgId)) throw new AppError('FORBIDDEN', '只能为本单位及下级单位登记印章');
      try {
        drawSealSvg({ name: request.body.name, kind: request.body.kind as SealKind, purpose: request.body.purpose, serial: request.body.serial });
      } catch (err) {
        throw new AppError('VALIDATION_FAILED', '印章文字无法绘制', [{ pointer: '/name', message: (err as Error).message }]);
      }
      const unknown = (request.body.itemCodes ?? []).map((code, i) => ({ code, i })).filter(({ code }) => !rt.registry.get(code));
      if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', '印章适用的事项不存在', unknown.map(({ code, i }) => ({ pointer: `/itemCodes/${i}`, message: `事项 ${code} 不存在` })));
      const seal = await createSeal(rt.db, request.body, rt.now().toISOString());
      rt.sealing?.forget();
      return reply.status(201).send(seal);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/admin/seals/:id/revoke',
    { schema: { tags: ['admin'], summary: '停用印章', params: idParams, response: { 200: sealSchema, ...errorResponses } } },
    async (request) => {
      const user = requireRole(request, 'admin');
      await sealInScope(user.orgId, request.params.id);
      const seal = await revokeSeal(rt.db, request.params.id, rt.now().toISOString());
      rt.sealing?.forget();
      return seal;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/admin/seals/:id/stamp.svg',
    { schema: { tags: ['admin'], summary: '印模预览（SVG）', params: idParams, response: { ...fileResponse('image/svg+xml', '印模（SVG）'), ...errorResponses } } },
    async (request, reply) => {
      const user = requireRole(request, 'admin', 'supervisor', 'clerk', 'approver', 'head');
      const seal = await sealInScope(user.orgId, request.params.id);
      return reply.type('image/svg+xml').send(drawSealSvg(sealStampSpec(seal)));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/admin/seals/:id/uses',
    { schema: { tags: ['admin'], summary: '用印登记', params: idParams, response: { 200: { type: 'array', items: sealUseSchema }, ...errorResponses } } },
    async (request) => {
      const user = requireRole(request, 'admin', 'supervisor');
      await sealInScope(user.orgId, request.params.id);
      return rt.db('seal_uses').where({ seal_id: request.params.id }).orderBy('used_at', 'desc').limit(500)
        .select('id', 'document_id as documentId', 'document_number as documentNumber', 'digest', 'used_by as usedBy', 'used_at as usedAt');
    },
  );

  app.get('/api/admin/delivery-modes', { schema: { tags: ['admin'], summary: '送达方式', response: { 200: { type: 'array', items: deliveryModeSchema }, ...errorResponses } } }, async (request) => {
    const user = requireRole(request, 'admin', 'supervisor', 'clerk', 'approver', 'agent', 'head');
    return listDeliveryModes(rt.db, user.orgId);
  });

  app.post<{ Body: NewDeliveryMode }>(
    '/api/admin/delivery-modes',
    {
      schema: {
        tags: ['admin'],
        summary: '新增送达方式',
        body: {
          type: 'object',
          required: ['code', 'name', 'fieldsSchema'],
          additionalProperties: false,
          properties: {
            code: { type: 'string', maxLength: 80 },
            name: { type: 'string', minLength: 1, maxLength: 60 },
            fieldsSchema: anyObject,
            requiresProof: { type: 'boolean' },
            orgId: { type: ['string', 'null'] },
          },
        },
        response: { 201: deliveryModeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, 'admin');
      if (request.body.orgId && !rt.orgs.scope(user.orgId).has(request.body.orgId)) throw new AppError('FORBIDDEN');
      return reply.status(201).send(await createDeliveryMode(rt.db, request.body, rt.now()));
    },
  );
}
