// 好差评 routes: the applicant's evaluation through the portal, the SMS link and the window QR code
// (by case number + phone), the window evaluator (a case handed to it by the clerk) and staff
// entering a paper 评议卡; the evaluations list; the window's printable QR card.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import {
  BAD_REASONS, DIMENSIONS, EVALUATION_CHANNELS, EVALUATION_LEVELS, listEvaluations, pendingEvaluation, recordEvaluation, requestEvaluation, STAFF_CHANNELS,
  type EvaluationChannel, type EvaluationInput, type EvaluationQuery,
} from '../../supervision/index.ts';
import { currentUser, requireRole } from '../authentication.ts';
import { errorResponses, fileResponse, idParams } from '../schemas.ts';
import { findPublicCase, numberParams, phone4 } from './public-case-lookup.ts';
import {
  bool, day, dimensionsSchema, evaluationResult, int, levelSchema, nref, nstr, page, pageParams, publicChannelSchema, reasonsSchema, ref, str,
} from './supervision-schemas.ts';

interface PublicBody {
  phone4: string;
  level: number;
  reasons?: string[];
  dimensions?: Record<string, number>;
  comment?: string;
  channel?: EvaluationChannel;
  windowId?: string;
  realName?: boolean;
}

interface StaffBody {
  caseId: string;
  channel: 'tablet' | 'paper';
  level: number;
  reasons?: string[];
  dimensions?: Record<string, number>;
  comment?: string;
  realName: boolean;
  cardNumber?: string;
}

const answer = (r: Awaited<ReturnType<typeof recordEvaluation>>) => ({ ...r, rectificationDueAt: r.rectification?.dueAt ?? null });

export function evaluationRoutes(app: FastifyInstance, rt: Runtime): void {
  const sv = rt.supervision;

  app.get(
    '/api/public/evaluation-options',
    {
      schema: {
        tags: ['supervision'],
        summary: '好差评选项：评价等级、差评原因、评价维度、评价渠道',
        response: {
          200: {
            type: 'object',
            properties: {
              levels: { type: 'array', items: { type: 'object', properties: { level: int, label: str } } },
              reasons: { type: 'array', items: { type: 'object', properties: { code: str, label: str } } },
              dimensions: { type: 'array', items: { type: 'object', properties: { code: str, label: str } } },
              channels: { type: 'array', items: { type: 'object', properties: { code: str, label: str, staff: bool } } },
            },
          },
        },
      },
    },
    async () => ({ levels: EVALUATION_LEVELS, reasons: BAD_REASONS, dimensions: DIMENSIONS, channels: EVALUATION_CHANNELS }),
  );

  app.post<{ Params: { number: string }; Body: PublicBody }>(
    '/api/public/cases/:number/evaluation',
    {
      schema: {
        tags: ['public'],
        summary: '好差评（每件一次，办件作出决定后）',
        params: numberParams,
        body: {
          type: 'object',
          required: ['phone4', 'level'],
          additionalProperties: false,
          properties: {
            phone4,
            level: levelSchema,
            reasons: reasonsSchema,
            dimensions: dimensionsSchema,
            comment: { type: 'string', maxLength: 500 },
            channel: publicChannelSchema,
            windowId: { type: 'string', minLength: 1, maxLength: 64 },
            realName: bool,
          },
        },
        response: { 201: evaluationResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const record = await findPublicCase(rt, request.params.number, request.body.phone4);
      const { phone4: _phone, channel, realName, ...rest } = request.body;
      const input: EvaluationInput = { ...rest, channel: channel ?? (rest.windowId ? 'qr' : 'portal'), realName: realName ?? false };
      return reply.status(201).send(answer(await recordEvaluation(sv, record.id, input, null)));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/public/windows/:id',
    {
      schema: {
        tags: ['public'],
        summary: '窗口评价二维码落地页：窗口与所属服务中心',
        params: idParams,
        response: { 200: { type: 'object', properties: { id: str, name: str, org: { type: 'object', properties: { id: str, name: str, phone: nstr } } } }, ...errorResponses },
      },
    },
    async (request) => {
      const w = await rt.db('windows').where({ id: request.params.id }).first('id', 'name', 'org_id');
      const org = w ? rt.orgs.get(w.org_id) : undefined;
      if (!w || !org) throw new AppError('WINDOW_NOT_FOUND');
      return { id: w.id, name: w.name, org: { id: org.id, name: org.name, phone: org.phone ?? null } };
    },
  );

  app.post<{ Body: StaffBody }>(
    '/api/evaluations',
    {
      schema: {
        tags: ['supervision'],
        summary: '录入评价：窗口评价器（群众本人在评价器上评价）或纸质评议卡',
        body: {
          type: 'object',
          required: ['caseId', 'channel', 'level', 'realName'],
          additionalProperties: false,
          properties: {
            caseId: { type: 'string', minLength: 1, maxLength: 64 },
            channel: { type: 'string', enum: STAFF_CHANNELS },
            level: levelSchema,
            reasons: reasonsSchema,
            dimensions: dimensionsSchema,
            comment: { type: 'string', maxLength: 500 },
            realName: bool,
            cardNumber: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z-]+$' },
          },
        },
        response: { 201: evaluationResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, 'clerk', 'agent', 'head');
      const { caseId, ...body } = request.body;
      const input: EvaluationInput = { ...body, ...(body.channel === 'tablet' ? { windowId: user.windowId ?? '' } : {}) };
      return reply.status(201).send(answer(await recordEvaluation(sv, caseId, input, user)));
    },
  );

  app.get<{ Querystring: EvaluationQuery }>(
    '/api/evaluations',
    {
      schema: {
        tags: ['supervision'],
        summary: '评价记录',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            orgId: { type: 'string', maxLength: 64 },
            level: levelSchema,
            channel: { type: 'string', enum: EVALUATION_CHANNELS.map((c) => c.code) },
            caseId: { type: 'string', maxLength: 64 },
            from: day,
            to: day,
            ...pageParams,
          },
        },
        response: {
          200: page({
            type: 'object',
            properties: {
              caseId: str, caseNumber: str, itemName: str, level: int, label: str, reasons: { type: 'array', items: str },
              dimensions: { type: ['object', 'null'], additionalProperties: int }, comment: nstr, channel: str, channelLabel: str, realName: bool,
              org: ref, window: nref, staff: nref, createdAt: str,
            },
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => listEvaluations(sv, currentUser(request), request.query),
  );

  app.post<{ Body: { caseId: string } }>(
    '/api/evaluations/requests',
    {
      schema: {
        tags: ['supervision'],
        summary: '请群众在本窗口评价器上评价',
        body: { type: 'object', required: ['caseId'], additionalProperties: false, properties: { caseId: { type: 'string', minLength: 1, maxLength: 64 } } },
        response: { 201: { type: 'object', properties: { windowId: str, caseId: str, caseNumber: str } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, 'clerk', 'agent', 'head');
      return reply.status(201).send(await requestEvaluation(sv, user, request.body.caseId));
    },
  );

  const windowInScope = async (request: Parameters<typeof currentUser>[0], id: string) => {
    const user = currentUser(request);
    const w = await rt.db('windows').where({ id }).first('id', 'name', 'org_id');
    if (!w || !rt.orgs.scope(user.orgId).has(w.org_id)) throw new AppError('WINDOW_NOT_FOUND');
    return w as { id: string; name: string; org_id: string };
  };

  app.get(
    '/api/windows/mine',
    { schema: { tags: ['supervision'], summary: '当前用户所在的服务窗口（评价器使用）', response: { 200: { type: 'object', properties: { window: nref } }, ...errorResponses } } },
    async (request) => {
      const user = currentUser(request);
      const w = user.windowId ? await rt.db('windows').where({ id: user.windowId }).first('id', 'name') : undefined;
      return { window: w ? { id: w.id, name: w.name } : null };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/windows/:id/evaluation-request',
    {
      schema: {
        tags: ['supervision'],
        summary: '窗口评价器：待评价的办件',
        params: idParams,
        response: {
          200: { type: 'object', properties: { window: ref, pending: { type: ['object', 'null'], properties: { caseId: str, caseNumber: str, itemName: str, requestedAt: str } } } },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const w = await windowInScope(request, request.params.id);
      return { window: { id: w.id, name: w.name }, pending: await pendingEvaluation(sv, w.id) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/windows/:id/evaluation-qr.pdf',
    { schema: { tags: ['supervision'], summary: '窗口评价二维码（打印张贴）', params: idParams, response: { ...fileResponse('application/pdf', '窗口评价二维码（A4 PDF）'), ...errorResponses } } },
    async (request, reply) => {
      const w = await windowInScope(request, request.params.id);
      const org = rt.orgs.get(w.org_id)!;
      const pdf = await rt.pdf.windowQrCard({ windowName: w.name, orgName: org.name, phone: org.phone ?? null, url: `${rt.publicBaseUrl}/public/rate?window=${encodeURIComponent(w.id)}` });
      return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${w.name}评价二维码`)}.pdf`).send(pdf);
    },
  );
}
