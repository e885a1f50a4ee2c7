import type { FastifyInstance } from 'fastify';
import { caseView, listCases, readCaseView, type CaseRecord, type CreateCaseInput, type StepResult } from '../../cases/index.ts';
import { readClock } from '../../cases/case-clock.ts';
import { AppError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { currentUser } from '../authentication.ts';
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

export function caseSummary(rt: Runtime, r: CaseRecord) {
  const item = rt.registry.get(r.itemCode, r.itemVersion)?.definition;
  const reading = readClock(rt.calendar.calendar(), r.clock, r.settings.promisedDays, rt.now());
  return {
    id: r.id,
    number: r.number,
    itemCode: r.itemCode,
    itemVersion: r.itemVersion,
    itemName: item?.name ?? r.itemCode,
    kind: item?.procedure.kind,
    state: r.state,
    open: r.open,
    applicantName: r.applicant.name ?? null,
    channel: r.channel,
    receivingOrg: { id: r.receivingOrgId, name: rt.orgs.get(r.receivingOrgId)?.name },
    currentOrg: { id: r.currentOrgId, name: rt.orgs.get(r.currentOrgId)?.name },
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    deadlineStatus: r.open ? reading.status : null,
    remainingWorkingDays: r.open ? reading.remainingWorkingDays : null,
    version: r.version,
  };
}

export function caseRoutes(app: FastifyInstance, rt: Runtime): void {
  const view = (request: Parameters<typeof currentUser>[0], record: CaseRecord) =>
    readCaseView(rt.db, rt.engine, rt.orgs, rt.calendar.calendar(), currentUser(request), record, rt.now());
  // After a step the engine hands over what it wrote and read, so the answer needs no read-back.
  const stepView = (request: Parameters<typeof currentUser>[0], { record, parts }: StepResult) =>
    caseView(rt.engine, rt.orgs, rt.calendar.calendar(), currentUser(request), record, parts, rt.now());

  app.post<{ Body: CreateCaseInput }>(
    '/api/cases',
    { schema: { tags: ['cases'], summary: '收件：新建办件', body: createBody, response: errorResponses } },
    async (request, reply) => {
      const user = currentUser(request);
      return reply.status(201).send(stepView(request, await rt.engine.createWithParts(user, request.body)));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/cases/:id',
    { schema: { tags: ['cases'], summary: '办件详情', params: idParams, response: errorResponses } },
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
        response: errorResponses,
      },
    },
    async (request) => {
      return stepView(request, await rt.engine.sendWithParts(currentUser(request), request.params.id, request.body));
    },
  );

  app.get<{ Querystring: { state?: string; itemCode?: string; orgId?: string; overdue?: boolean; open?: boolean; inbox?: boolean; q?: string; cursor?: string; limit?: number } }>(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '办件列表（按期限排序）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            state: { type: 'string', maxLength: 60 },
            itemCode: { type: 'string', maxLength: 80 },
            orgId: { type: 'string', maxLength: 64 },
            overdue: { type: 'boolean' },
            open: { type: 'boolean' },
            inbox: { type: 'boolean', description: '只看当前停留在本单位的办件（上报件收件箱）' },
            q: { type: 'string', maxLength: 100 },
            cursor: { type: 'string', maxLength: 40 },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
        },
        response: errorResponses,
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { inbox, ...query } = request.query;
      const page = await listCases(rt.db, rt.orgs.scope(user.orgId), { ...query, ...(inbox ? { atOrgIds: [user.orgId] } : {}) }, rt.now());
      return { items: page.items.map((r) => caseSummary(rt, r)), nextCursor: page.nextCursor };
    },
  );
}
