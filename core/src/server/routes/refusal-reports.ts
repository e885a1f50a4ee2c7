// 否定报备: the centre head's list of window refusals, the review (agree or overturn, countersign
// or decline), and — where the organisation requires countersignature — the clerk's request.
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.ts';
import {
  getRefusalReport, listRefusalReports, REFUSAL_EVENTS, REFUSAL_STATUS_LABELS, requestCountersignature, reviewRefusal,
  type RefusalQuery,
} from '../../supervision/index.ts';
import { currentUser } from '../authentication.ts';
import { errorResponses, idParams } from '../schemas.ts';
import { bool, nref, nstr, page, pageParams, ref, str } from './supervision-schemas.ts';

const report = {
  type: 'object',
  properties: {
    id: str,
    case: { type: 'object', properties: { id: str, number: str, itemName: str, applicantName: nstr } },
    eventType: str, eventLabel: str, reason: str, mode: str, status: str, statusLabel: str,
    org: ref, staff: ref, reviewer: nref, reviewNote: nstr, reviewedAt: nstr, createdAt: str, canReview: bool,
  },
} as const;

export function refusalReportRoutes(app: FastifyInstance, rt: Runtime): void {
  const sv = rt.supervision;

  app.get<{ Querystring: RefusalQuery }>(
    '/api/refusal-reports',
    {
      schema: {
        tags: ['supervision'],
        summary: '否定报备（窗口不予受理、不予办理报中心负责人）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: [...Object.keys(REFUSAL_STATUS_LABELS), 'pending'] },
            orgId: { type: 'string', maxLength: 64 },
            caseId: { type: 'string', maxLength: 64 },
            ...pageParams,
          },
        },
        response: { 200: page(report), ...errorResponses },
      },
    },
    async (request) => listRefusalReports(sv, currentUser(request), request.query),
  );

  app.post<{ Body: { caseId: string; eventType: keyof typeof REFUSAL_EVENTS; reason: string } }>(
    '/api/refusal-reports',
    {
      schema: {
        tags: ['supervision'],
        summary: '申请会签（实行否定会签的单位，不予受理、不予办理前）',
        body: {
          type: 'object',
          required: ['caseId', 'eventType', 'reason'],
          additionalProperties: false,
          properties: {
            caseId: { type: 'string', minLength: 1, maxLength: 64 },
            eventType: { type: 'string', enum: Object.keys(REFUSAL_EVENTS) },
            reason: { type: 'string', minLength: 2, maxLength: 1000, pattern: '\\S' },
          },
        },
        response: { 201: report, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await requestCountersignature(sv, currentUser(request), request.body)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/refusal-reports/:id',
    { schema: { tags: ['supervision'], summary: '否定报备详情', params: idParams, response: { 200: report, ...errorResponses } } },
    async (request) => getRefusalReport(sv, currentUser(request), request.params.id),
  );

  app.post<{ Params: { id: string }; Body: { agreed: boolean; note?: string } }>(
    '/api/refusal-reports/:id/review',
    {
      schema: {
        tags: ['supervision'],
        summary: '中心负责人审核：同意或不同意（会签或不予会签）',
        params: idParams,
        body: { type: 'object', required: ['agreed'], additionalProperties: false, properties: { agreed: bool, note: { type: 'string', maxLength: 1000 } } },
        response: { 200: report, ...errorResponses },
      },
    },
    async (request) => reviewRefusal(sv, currentUser(request), request.params.id, request.body),
  );
}
