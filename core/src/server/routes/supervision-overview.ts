// The centre head's page (summary) and supervision's rates for a period, grouped by organisation,
// window, staff or item; and the 办不成事 requests.
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.ts';
import { readJson } from '../../store/index.ts';
import {
  answerUnresolvedRequest, centreSummary, listUnresolvedRequests, recordUnresolvedRequest, STATS_GROUPS, supervisionStats, supervisionWork, type NewUnresolvedRequest,
  type StatsQuery,
} from '../../supervision/index.ts';
import { currentUser, requireRole } from '../authentication.ts';
import { errorResponses, idParams } from '../schemas.ts';
import { bool, day, int, nint, nstr, page, pageParams, ref, str } from './supervision-schemas.ts';

const rate = { type: ['number', 'null'] } as const;
const rates = {
  evaluations: int, good: int, bad: int, goodRate: rate, rectified: int, rectificationRate: rate, rectifiedOnTimeRate: rate, realNameBad: int,
  realNameRectifiedCalledBack: int, realNameRate: rate, callbacks: int, callbacksSatisfied: int, callbacksDissatisfied: int, callbacksUnreached: int,
  callbackSatisfactionRate: rate, complaints: int, complaintsConfirmed: int,
} as const;
const statsRow = { type: 'object', properties: { key: str, name: str, ...rates } } as const;

const request = {
  type: 'object',
  properties: {
    id: str, org: ref, receivedAt: str, requester: str, phone: nstr, content: str, owner: ref, answerDueAt: str, overdue: bool, status: str, answer: nstr,
    answeredAt: nstr, canAnswer: bool,
  },
} as const;

export function supervisionOverviewRoutes(app: FastifyInstance, rt: Runtime): void {
  const sv = rt.supervision;

  app.get<{ Querystring: StatsQuery }>(
    '/api/supervision/stats',
    {
      schema: {
        tags: ['supervision'],
        summary: '好差评统计：好评率、差评数、整改率、实名差评回访整改率、回访满意率（按单位、窗口、人员、事项）',
        querystring: { type: 'object', additionalProperties: false, properties: { orgId: { type: 'string', maxLength: 64 }, from: day, to: day, groupBy: { type: 'string', enum: Object.keys(STATS_GROUPS) } } },
        response: {
          200: { type: 'object', properties: { orgId: str, from: str, to: str, groupBy: str, total: { type: 'object', properties: rates }, rows: { type: 'array', items: statsRow } } },
          ...errorResponses,
        },
      },
    },
    async (request) => supervisionStats(sv, currentUser(request), request.query),
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/api/supervision/summary',
    {
      schema: {
        tags: ['supervision'],
        summary: '中心负责人首页：本月好评率、整改工单、投诉、否定报备、办不成事',
        querystring: { type: 'object', additionalProperties: false, properties: { orgId: { type: 'string', maxLength: 64 } } },
        response: {
          200: {
            type: 'object',
            properties: {
              org: ref,
              period: { type: 'object', properties: { from: str, to: str } },
              month: { type: 'object', properties: rates },
              rectifications: { type: 'object', properties: { open: int, overdue: int, unassigned: int } },
              complaints: { type: 'object', properties: { open: int } },
              refusals: { type: 'object', properties: { pending: int } },
              requests: { type: 'object', properties: { open: int, overdue: int } },
              dueFirst: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: str, number: str, status: str, statusLabel: str, source: str, caseId: str, caseNumber: str, itemName: str, level: nint, levelLabel: nstr,
                    org: ref, assignee: { type: ['object', 'null'], properties: { id: str, name: str } }, dueAt: str, overdue: bool, openedAt: str, closedAt: nstr,
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => centreSummary(sv, currentUser(request), request.query),
  );

  app.get(
    '/api/supervision/work',
    {
      schema: {
        tags: ['supervision'],
        summary: '我的监督待办：待分派、承办、办结的整改工单，待审核的否定报备，待答复的办不成事（工作台计数）',
        response: {
          200: {
            type: 'object',
            properties: {
              rectifications: int, refusals: int, requests: int,
              items: { type: 'array', items: { type: 'object', properties: { kind: str, id: str, title: str, dueAt: nstr, overdue: bool } } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (req) => supervisionWork(sv, currentUser(req)),
  );

  app.get(
    '/api/supervision/staff',
    {
      schema: {
        tags: ['supervision'],
        summary: '本中心及下属站点的在岗工作人员（分派承办人、投诉对象、办不成事责任人）',
        response: { 200: { type: 'array', items: { type: 'object', properties: { id: str, name: str, org: ref, roles: { type: 'array', items: str } } } }, ...errorResponses },
      },
    },
    async (req) => {
      const user = currentUser(req);
      const rows = await rt.db('users').whereIn('org_id', [...rt.orgs.scope(user.orgId)]).where({ active: true }).orderBy(['org_id', 'username']).select('id', 'name', 'org_id', 'roles');
      return rows
        .map((u: { id: string; name: string; org_id: string; roles: string }) => ({ id: u.id, name: u.name, org: { id: u.org_id, name: rt.orgs.get(u.org_id)?.name ?? u.org_id }, roles: readJson<string[]>(u.roles) }))
        .filter((u) => u.roles.some((r) => r !== 'admin'));
    },
  );

  app.post<{ Body: NewUnresolvedRequest }>(
    '/api/unresolved-requests',
    {
      schema: {
        tags: ['supervision'],
        summary: '办不成事反映登记（指定责任人和答复期限）',
        body: {
          type: 'object',
          required: ['requester', 'content', 'ownerId', 'answerDue'],
          additionalProperties: false,
          properties: {
            receivedAt: { type: 'string', format: 'date-time' },
            requester: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
            phone: { type: 'string', maxLength: 20, pattern: '^[0-9+() -]{5,20}$' },
            content: { type: 'string', minLength: 2, maxLength: 4000, pattern: '\\S' },
            ownerId: { type: 'string', minLength: 1, maxLength: 64 },
            answerDue: day,
          },
        },
        response: { 201: request, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await recordUnresolvedRequest(sv, requireRole(req, 'clerk', 'agent', 'head'), req.body)),
  );

  app.get<{ Querystring: { status?: 'open' | 'answered'; mine?: boolean; cursor?: string; limit?: number } }>(
    '/api/unresolved-requests',
    {
      schema: {
        tags: ['supervision'],
        summary: '办不成事反映（按答复期限排序）',
        querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: ['open', 'answered'] }, mine: bool, ...pageParams } },
        response: { 200: page(request), ...errorResponses },
      },
    },
    async (req) => listUnresolvedRequests(sv, currentUser(req), req.query),
  );

  app.post<{ Params: { id: string }; Body: { answer: string } }>(
    '/api/unresolved-requests/:id/answer',
    {
      schema: {
        tags: ['supervision'],
        summary: '答复办不成事反映',
        params: idParams,
        body: { type: 'object', required: ['answer'], additionalProperties: false, properties: { answer: { type: 'string', minLength: 2, maxLength: 4000, pattern: '\\S' } } },
        response: { 200: request, ...errorResponses },
      },
    },
    async (req) => answerUnresolvedRequest(sv, currentUser(req), req.params.id, req.body.answer),
  );
}
