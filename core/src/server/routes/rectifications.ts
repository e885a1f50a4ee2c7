// 差评整改 work orders: the list (in the user's scope, soonest due first), one order with its
// history and the events this user may send, the events, and the printable 差评整改反馈单.
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.ts';
import {
  getRectification, listRectifications, RECTIFICATION_EVENTS, RECTIFICATION_STATUSES, sendRectificationEvent,
  type RectificationQuery,
} from '../../supervision/index.ts';
import { rectificationFeedbackForm } from '../../supervision/printouts/rectification-feedback.ts';
import { currentUser } from '../authentication.ts';
import { errorResponses, fileResponse, idParams } from '../schemas.ts';
import { anyPayload, bool, historyEntry, int, nbool, nint, nref, nstr, page, pageParams, ref, str } from './supervision-schemas.ts';

const summary = {
  type: 'object',
  properties: {
    id: str, number: str, status: str, statusLabel: str, source: str, caseId: str, caseNumber: str, itemName: str, level: nint, levelLabel: nstr,
    org: ref, assignee: nref, dueAt: str, overdue: bool, openedAt: str, closedAt: nstr,
  },
} as const;

export const rectificationView = {
  type: 'object',
  properties: {
    id: str, number: str, status: str, statusLabel: str, source: str,
    case: { type: 'object', properties: { id: str, number: str, itemCode: str, itemName: str } },
    evaluation: {
      type: ['object', 'null'],
      properties: { level: int, label: str, reasons: { type: 'array', items: str }, comment: nstr, channel: str, realName: bool, createdAt: str },
    },
    evaluator: { type: ['object', 'null'], properties: { name: nstr, phone: nstr } },
    org: ref, window: nref, staff: nref, assignee: nref,
    dueAt: str, overdue: bool, openedAt: str, closedAt: nstr,
    justified: nbool, finding: nstr, measures: nstr, explanation: nstr, followUps: int, reached: nbool, satisfied: nbool,
    appeal: { type: ['object', 'null'], properties: { reason: str, upheld: nbool } },
    actions: { type: 'array', items: str },
    assignees: { type: 'array', items: { type: 'object', properties: { id: str, name: str, orgName: str } } },
    history: { type: 'array', items: historyEntry },
    version: int,
  },
} as const;

export function rectificationRoutes(app: FastifyInstance, rt: Runtime): void {
  const sv = rt.supervision;

  app.get<{ Querystring: RectificationQuery }>(
    '/api/rectifications',
    {
      schema: {
        tags: ['supervision'],
        summary: '差评整改工单（按整改期限排序）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: [...RECTIFICATION_STATUSES, 'active'] },
            orgId: { type: 'string', maxLength: 64 },
            overdue: bool,
            mine: bool,
            caseId: { type: 'string', maxLength: 64 },
            ...pageParams,
          },
        },
        response: { 200: page(summary), ...errorResponses },
      },
    },
    async (request) => listRectifications(sv, currentUser(request), request.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/rectifications/:id',
    { schema: { tags: ['supervision'], summary: '差评整改工单详情', params: idParams, response: { 200: rectificationView, ...errorResponses } } },
    async (request) => getRectification(sv, currentUser(request), request.params.id),
  );

  app.post<{ Params: { id: string }; Body: { type: (typeof RECTIFICATION_EVENTS)[number]; payload?: Record<string, unknown>; expectedVersion?: number } }>(
    '/api/rectifications/:id/events',
    {
      schema: {
        tags: ['supervision'],
        summary: '整改工单操作：分派、核实、整改、解释说明、回访、办结、申诉、申诉裁定',
        params: idParams,
        body: {
          type: 'object',
          required: ['type'],
          additionalProperties: false,
          properties: { type: { type: 'string', enum: RECTIFICATION_EVENTS }, payload: anyPayload, expectedVersion: { type: 'integer', minimum: 1 } },
        },
        response: { 200: rectificationView, ...errorResponses },
      },
    },
    async (request) => sendRectificationEvent(sv, currentUser(request), request.params.id, request.body),
  );

  app.get<{ Params: { id: string } }>(
    '/api/rectifications/:id/feedback.pdf',
    { schema: { tags: ['supervision'], summary: '差评整改反馈单（PDF）', params: idParams, response: { ...fileResponse('application/pdf', '差评整改反馈单'), ...errorResponses } } },
    async (request, reply) => {
      const view = await getRectification(sv, currentUser(request), request.params.id);
      const pdf = await rt.pdf.document(rectificationFeedbackForm(sv, view));
      return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(view.number)}.pdf`).send(pdf);
    },
  );
}
