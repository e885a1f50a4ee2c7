// The public portal's API (no sign-in): guides, organisations to apply at, online applications and
// progress by case number + the last 4 digits of the phone (the 好差评 routes: evaluations.ts).
import type { FastifyInstance } from 'fastify';
import { readCaseView } from '../../cases/index.ts';
import { AppError } from '../../errors/index.ts';
import { maskName } from '../../privacy/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { evaluationState } from '../../supervision/index.ts';
import { withSql } from '../../store/index.ts';
import { anyObject, applicantContact, codeParams, errorResponses } from '../schemas.ts';
import { nstr, str } from './supervision-schemas.ts';
import { findItem, itemSummary, itemSummarySchema } from './catalogue.ts';
import { findPublicCase, numberParams, phone4 } from './public-case-lookup.ts';

interface ApplicationBody {
  itemCode: string;
  orgId: string;
  data: Record<string, unknown>;
  applicant?: { name?: string; idNumber?: string; phone?: string; email?: string; address?: string };
  /** As the applicant marked them: ready to hand in, missing, or (optional ones) not applicable. */
  materials?: Record<string, 'provided' | 'missing' | 'not-applicable'>;
}

const publicGuideSchema = {
  type: 'object',
  properties: {
    code: str,
    version: str,
    name: str,
    department: str,
    level: str,
    kind: str,
    guide: anyObject,
    materials: { type: 'array', items: anyObject },
    form: anyObject,
    delivery: anyObject,
    bundle: { ...anyObject, type: ['object', 'null'] },
  },
} as const;

const publicOrgSchema = {
  type: 'object',
  properties: { id: str, name: str, level: str, parentId: nstr, address: nstr, phone: nstr },
} as const;

const publicProgressSchema = {
  type: 'object',
  properties: {
    number: str,
    itemName: str,
    state: str,
    open: { type: 'boolean' },
    applicant: { ...nstr, description: '申请人姓名（脱敏）' },
    receivingOrg: str,
    deadlines: { type: 'object', properties: { receivedAt: str, acceptedAt: nstr, dueAt: nstr, status: nstr } },
    history: { type: 'array', items: { type: 'object', properties: { at: str, event: str, from: nstr, to: str } } },
    documents: { type: 'array', items: { type: 'object', properties: { kind: str, number: str, title: str } } },
    evaluation: { type: ['object', 'null'], properties: { level: { type: 'integer' }, label: str, createdAt: str } },
    canEvaluate: { type: 'boolean' },
  },
} as const;

export function publicRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get('/api/public/items', { schema: { tags: ['public'], summary: '办事指南目录', response: { 200: { type: 'array', items: itemSummarySchema } } } }, async () =>
    rt.registry.list().map((entry) => itemSummary(rt, entry)),
  );

  app.get<{ Params: { code: string } }>(
    '/api/public/items/:code',
    { schema: { tags: ['public'], summary: '办事指南', params: codeParams, response: { 200: publicGuideSchema, ...errorResponses } } },
    async (request) => {
      const d = findItem(rt, request.params.code).definition;
      return { code: d.code, version: d.version, name: d.name, department: d.department, level: d.level, kind: d.procedure.kind, guide: d.guide, materials: d.materials, form: d.form, delivery: d.delivery, bundle: d.bundle ?? null };
    },
  );

  app.get('/api/public/orgs', { schema: { tags: ['public'], summary: '可申请的服务中心和服务站', response: { 200: { type: 'array', items: publicOrgSchema } } } }, async () =>
    rt.orgs.all().map((o) => ({ id: o.id, name: o.name, level: o.level, parentId: o.parentId, address: o.address, phone: o.phone })),
  );

  app.post<{ Body: ApplicationBody }>(
    '/api/public/applications',
    {
      schema: {
        tags: ['public'],
        summary: '网上申请',
        body: {
          type: 'object',
          required: ['itemCode', 'orgId', 'data'],
          additionalProperties: false,
          properties: {
            itemCode: { type: 'string', minLength: 1, maxLength: 80 },
            orgId: { type: 'string', minLength: 1, maxLength: 64 },
            data: anyObject,
            materials: { type: 'object', additionalProperties: { type: 'string', enum: ['provided', 'missing', 'not-applicable'] } },
            applicant: {
              type: 'object',
              additionalProperties: false,
              properties: {
                ...applicantContact,
              },
            },
          },
        },
        response: { 201: { type: 'object', properties: { number: str, state: str, itemCode: str, receivingOrg: str } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!rt.orgs.get(request.body.orgId)) throw new AppError('ORG_NOT_FOUND', undefined, [{ pointer: '/orgId', message: '受理单位不存在' }]);
      const record = await rt.engine.create(null, { ...request.body, channel: 'online' });
      return reply.status(201).send({ number: record.number, state: record.state, itemCode: record.itemCode, receivingOrg: rt.orgs.get(record.receivingOrgId)?.name });
    },
  );

  app.get<{ Params: { number: string }; Querystring: { phone: string } }>(
    '/api/public/cases/:number',
    {
      schema: {
        tags: ['public'],
        summary: '办件进度查询',
        params: numberParams,
        querystring: { type: 'object', required: ['phone'], additionalProperties: false, properties: { phone: phone4 } },
        response: { 200: publicProgressSchema, ...errorResponses },
      },
    },
    async (request) => {
      const record = await findPublicCase(rt, request.params.number, request.query.phone);
      const full = await readCaseView(rt.db, rt.engine, rt.orgs, rt.calendar.calendar(), { id: 'public', name: '公众', roles: [], orgId: '' }, record, rt.now());
      const { evaluation, canEvaluate } = await withSql(rt.db, (sql) => evaluationState(sql, record));
      return {
        number: full.number,
        itemName: full.itemName,
        state: full.state,
        open: full.open,
        applicant: maskName(full.applicant.name),
        receivingOrg: full.receivingOrg.name,
        deadlines: { receivedAt: full.deadlines.receivedAt, acceptedAt: full.deadlines.acceptedAt, dueAt: full.deadlines.dueAt, status: full.deadlines.status },
        history: full.history.map((h) => ({ at: h.at, event: h.event, from: h.from, to: h.to })),
        documents: full.documents.map((d) => ({ kind: d.kind, number: d.number, title: d.title })),
        evaluation,
        canEvaluate,
      };
    },
  );
}
