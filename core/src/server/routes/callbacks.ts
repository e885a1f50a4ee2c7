// 回访: the month's random sample of concluded cases (drawn once and kept), the call form, and the
// month's calls with their counts.
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.ts';
import { callbackSample, listCallbacks, MAX_SAMPLE, recordCallback, type CallInput } from '../../supervision/index.ts';
import { currentUser } from '../authentication.ts';
import { errorResponses } from '../schemas.ts';
import { bool, int, month, nbool, nstr, pageParams, str } from './supervision-schemas.ts';

const call = { type: 'object', properties: { id: str, reached: bool, satisfied: nbool, note: nstr, by: str, at: str, rectificationId: nstr } } as const;

export function callbackRoutes(app: FastifyInstance, rt: Runtime): void {
  const sv = rt.supervision;

  app.get<{ Querystring: { orgId?: string; month?: string; n?: number } }>(
    '/api/callbacks/sample',
    {
      schema: {
        tags: ['supervision'],
        summary: '回访抽样：本月随机抽取的已办结办件（抽取一次并保存，可扩大）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { orgId: { type: 'string', maxLength: 64 }, month, n: { type: 'integer', minimum: 1, maximum: MAX_SAMPLE } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              orgId: str, month: str, size: int,
              counts: { type: 'object', properties: { satisfied: int, dissatisfied: int, unreached: int, pending: int } },
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    position: int, caseId: str, caseNumber: str, itemName: str, applicantName: nstr, phone: nstr, closedAt: str, result: str,
                    calls: { type: 'array', items: call },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => callbackSample(sv, currentUser(request), request.query),
  );

  app.post<{ Body: CallInput }>(
    '/api/callbacks',
    {
      schema: {
        tags: ['supervision'],
        summary: '登记回访结果（不满意自动生成整改工单）',
        body: {
          type: 'object',
          required: ['caseId', 'reached'],
          additionalProperties: false,
          properties: { caseId: { type: 'string', minLength: 1, maxLength: 64 }, reached: bool, satisfied: bool, note: { type: 'string', maxLength: 1000 } },
        },
        response: { 201: { type: 'object', properties: { ...call.properties, caseId: str, sampled: bool } }, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordCallback(sv, currentUser(request), request.body)),
  );

  app.get<{ Querystring: { orgId?: string; month?: string; cursor?: string; limit?: number } }>(
    '/api/callbacks',
    {
      schema: {
        tags: ['supervision'],
        summary: '回访记录（按月，含满意、不满意、未联系上的统计）',
        querystring: { type: 'object', additionalProperties: false, properties: { orgId: { type: 'string', maxLength: 64 }, month, ...pageParams } },
        response: {
          200: {
            type: 'object',
            properties: {
              orgId: str, month: str,
              counts: { type: 'object', properties: { calls: int, satisfied: int, dissatisfied: int, unreached: int } },
              items: { type: 'array', items: { type: 'object', properties: { ...call.properties, caseId: str, caseNumber: str, itemName: str, sampled: bool } } },
              nextCursor: nstr,
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => listCallbacks(sv, currentUser(request), request.query),
  );
}
