import type { FastifyInstance } from 'fastify';
import { caseSummary, caseSummarySchema, caseView, listCases, readCaseView, type CasePage, type CaseQuery, type CaseRecord, type CreateCaseInput, type QueueScope, type StepResult } from '../../cases/index.ts';
import { AppError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { currentUser } from '../authentication.ts';
import { caseViewSchema } from '../case-view-schema.ts';
import { anyObject, applicantContact, errorResponses, idParams } from '../schemas.ts';

const materialStatus = { type: 'string', enum: ['provided', 'waived', 'missing', 'not-applicable'] } as const;

const createBody = {
  type: 'object',
  required: ['itemCode', 'data'],
  additionalProperties: false,
  properties: {
    itemCode: { type: 'string', minLength: 1, maxLength: 80 },
    itemVersion: { type: 'string', maxLength: 40 },
    data: anyObject,
    materials: { type: 'object', additionalProperties: materialStatus },
    applicant: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...applicantContact,
        authorisation: {
          type: 'object',
          additionalProperties: false,
          properties: { agentName: { type: 'string', maxLength: 100 }, document: { type: 'string', maxLength: 200 }, note: { type: 'string', maxLength: 500 } },
        },
      },
    },
    channel: { type: 'string', enum: ['window', 'online', 'agent', 'self-service'] },
    orgId: { type: 'string', maxLength: 64 },
  },
} as const;

/** The user's scope as the queue reads it. */
export function queueScope(rt: Runtime, orgId: string): QueueScope {
  const orgIds = [...rt.orgs.scope(orgId)];
  return { orgId, orgIds, everything: orgIds.length === rt.orgs.all().length };
}

/** A list row (case-summary.ts) for this request's moment. */
export function summaries(rt: Runtime, rows: CasePage['items']) {
  const deps = { registry: rt.registry, orgs: rt.orgs, items: rt.items, calendar: rt.calendar.calendar(), now: rt.now() };
  return rows.map((row) => caseSummary(deps, row));
}

const pageSchema = {
  type: 'object',
  required: ['items', 'nextCursor', 'total'],
  properties: {
    items: { type: 'array', items: caseSummarySchema },
    nextCursor: { type: ['string', 'null'], description: '下一页的游标（最后一页为 null）' },
    total: { type: 'integer', description: '符合条件的办件总数' },
    totalCapped: { type: 'boolean', description: '检索结果超过上限，总数只计到上限' },
  },
} as const;

export function caseRoutes(app: FastifyInstance, rt: Runtime): void {
  const view = (request: Parameters<typeof currentUser>[0], record: CaseRecord) =>
    readCaseView(rt.db, rt.engine, rt.orgs, rt.calendar.calendar(), currentUser(request), record, rt.now());
  // After a step the engine hands over what it wrote and read, so the answer needs no read-back.
  const stepView = (request: Parameters<typeof currentUser>[0], { record, parts }: StepResult) =>
    caseView(rt.engine, rt.orgs, rt.calendar.calendar(), currentUser(request), record, parts, rt.now());

  app.post<{ Body: CreateCaseInput }>(
    '/api/cases',
    { schema: { tags: ['cases'], summary: '收件：新建办件', body: createBody, response: { 201: caseViewSchema, ...errorResponses } } },
    async (request, reply) => {
      const user = currentUser(request);
      return reply.status(201).send(stepView(request, await rt.engine.createWithParts(user, request.body)));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/cases/:id',
    { schema: { tags: ['cases'], summary: '办件详情', params: idParams, response: { 200: caseViewSchema, ...errorResponses } } },
    async (request) => {
      const record = await rt.engine.load(rt.db, request.params.id);
      if (!record || !rt.engine.canSee(currentUser(request), record)) throw new AppError('CASE_NOT_FOUND');
      return view(request, record);
    },
  );

  app.post<{ Params: { id: string }; Body: { type: string; payload?: Record<string, unknown>; expectedVersion?: number } }>(
    '/api/cases/:id/events',
    {
      schema: {
        tags: ['cases'],
        summary: '办理操作（事件）',
        params: idParams,
        body: {
          type: 'object',
          required: ['type'],
          additionalProperties: false,
          properties: {
            type: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*(\\.[A-Za-z0-9_]+)?$', maxLength: 80 },
            payload: anyObject,
            expectedVersion: { type: 'integer', minimum: 1 },
          },
        },
        response: { 200: caseViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      return stepView(request, await rt.engine.sendWithParts(currentUser(request), request.params.id, request.body));
    },
  );

  app.get<{ Querystring: CaseQuery }>(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '办件列表（最紧急的在前，按页）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            state: { type: 'string', maxLength: 60 },
            itemCode: { type: 'string', maxLength: 80 },
            orgId: { type: 'string', maxLength: 64, description: '只看在该单位收件或现在该单位的办件' },
            overdue: { type: 'boolean', description: '只看已超期（即办件：超过办结目标）的在办件' },
            open: { type: 'boolean' },
            inbox: { type: 'boolean', description: '只看当前停留在本单位的办件（上报件收件箱）' },
            intake: { type: 'boolean', description: '在本单位收件的办件，无论现在何处（村代办）' },
            q: { type: 'string', maxLength: 100, description: '办件编号、身份证号、手机号或姓名（精确匹配）' },
            cursor: { type: 'string', maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
        },
        response: { 200: pageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const page = await listCases(rt.db, queueScope(rt, user.orgId), request.query, rt.now(), rt.engine.deps.idNumberKey);
      return { ...page, items: summaries(rt, page.items) };
    },
  );
}
