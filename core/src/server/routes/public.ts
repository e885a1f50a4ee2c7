// The public portal's API (no sign-in): guides, organisations to apply at, online applications,
// progress by case number + the last 4 digits of the phone, and the 好差评 evaluation.
import type { FastifyInstance } from 'fastify';
import { readCaseView } from '../../cases/index.ts';
import { AppError } from '../../errors/index.ts';
import { maskName } from '../../privacy/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { anyObject, applicantContact, codeParams, errorResponses } from '../schemas.ts';
import { findItem, itemSummary, itemSummarySchema } from './catalogue.ts';

const numberParams = { type: 'object', required: ['number'], properties: { number: { type: 'string', minLength: 4, maxLength: 64 } } } as const;
const phone4 = { type: 'string', pattern: '^[0-9]{4}$' } as const;
/** 差评 (1–2 of 5) must be checked and rectified within 7 days (seed 002 art. 35(三)). */
const RECTIFICATION_DAYS = 7;

export const EVALUATION_LEVELS = ['非常不满意', '不满意', '基本满意', '满意', '非常满意'] as const;

interface ApplicationBody {
  itemCode: string;
  orgId: string;
  data: Record<string, unknown>;
  applicant?: { name?: string; idNumber?: string; phone?: string; email?: string; address?: string };
  /** As the applicant marked them: ready to hand in, missing, or (optional ones) not applicable. */
  materials?: Record<string, 'provided' | 'missing' | 'not-applicable'>;
}

export function publicRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get('/api/public/items', { schema: { tags: ['public'], summary: '办事指南目录', response: { 200: { type: 'array', items: itemSummarySchema } } } }, async () =>
    rt.registry.list().map((entry) => itemSummary(rt, entry)),
  );

  app.get<{ Params: { code: string } }>(
    '/api/public/items/:code',
    { schema: { tags: ['public'], summary: '办事指南', params: codeParams, response: errorResponses } },
    async (request) => {
      const d = findItem(rt, request.params.code).definition;
      return { code: d.code, version: d.version, name: d.name, department: d.department, level: d.level, kind: d.procedure.kind, guide: d.guide, materials: d.materials, form: d.form, delivery: d.delivery, bundle: d.bundle ?? null };
    },
  );

  app.get('/api/public/orgs', { schema: { tags: ['public'], summary: '可申请的服务中心和服务站' } }, async () =>
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
        response: errorResponses,
      },
    },
    async (request, reply) => {
      if (!rt.orgs.get(request.body.orgId)) throw new AppError('ORG_NOT_FOUND', undefined, [{ pointer: '/orgId', message: '受理单位不存在' }]);
      const record = await rt.engine.create(null, { ...request.body, channel: 'online' });
      return reply.status(201).send({ number: record.number, state: record.state, itemCode: record.itemCode, receivingOrg: rt.orgs.get(record.receivingOrgId)?.name });
    },
  );

  const findByNumber = async (number: string, phoneLast4: string) => {
    const row = await rt.db('cases').where({ number }).first('id', 'applicant_phone');
    // Same answer for an unknown number and a wrong phone: the lookup must not confirm a number exists.
    if (!row || !row.applicant_phone || String(row.applicant_phone).slice(-4) !== phoneLast4) {
      throw new AppError('CASE_NOT_FOUND', '未找到办件，请核对办件编号和手机号后四位');
    }
    return (await rt.engine.load(rt.db, row.id))!;
  };

  app.get<{ Params: { number: string }; Querystring: { phone: string } }>(
    '/api/public/cases/:number',
    {
      schema: {
        tags: ['public'],
        summary: '办件进度查询',
        params: numberParams,
        querystring: { type: 'object', required: ['phone'], additionalProperties: false, properties: { phone: phone4 } },
        response: errorResponses,
      },
    },
    async (request) => {
      const record = await findByNumber(request.params.number, request.query.phone);
      const full = await readCaseView(rt.db, rt.engine, rt.orgs, rt.calendar.calendar(), { id: 'public', name: '公众', roles: [], orgId: '' }, record, rt.now());
      const evaluation = await rt.db('evaluations').where({ case_id: record.id }).first();
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
        evaluation: evaluation ? { level: Number(evaluation.level), createdAt: evaluation.created_at } : null,
        canEvaluate: !evaluation,
      };
    },
  );

  app.post<{ Params: { number: string }; Body: { phone4: string; level: number; comment?: string } }>(
    '/api/public/cases/:number/evaluation',
    {
      schema: {
        tags: ['public'],
        summary: '好差评（每件一次）',
        params: numberParams,
        body: {
          type: 'object',
          required: ['phone4', 'level'],
          additionalProperties: false,
          properties: { phone4, level: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string', maxLength: 500 } },
        },
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const record = await findByNumber(request.params.number, request.body.phone4);
      const now = rt.now();
      const bad = request.body.level <= 2;
      const row = {
        case_id: record.id,
        level: request.body.level,
        comment: request.body.comment ?? null,
        channel: 'public',
        created_at: now.toISOString(),
        rectification_due_at: bad ? new Date(now.getTime() + RECTIFICATION_DAYS * 86_400_000).toISOString() : null,
      };
      if (await rt.db('evaluations').where({ case_id: record.id }).first()) throw new AppError('ALREADY_EVALUATED');
      // A racing second evaluation hits the primary key: still "once per case".
      await rt.db('evaluations').insert(row).catch(() => {
        throw new AppError('ALREADY_EVALUATED');
      });
      return reply.status(201).send({ level: row.level, label: EVALUATION_LEVELS[row.level - 1], rectificationDueAt: row.rectification_due_at });
    },
  );
}
