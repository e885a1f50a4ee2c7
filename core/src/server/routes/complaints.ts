// 投诉处理记录本: record a complaint, work it (investigate → handle → reply → close), the reply
// letter, and the register as .xlsx and as a printed book.
import type { FastifyInstance } from 'fastify';
import { shanghaiDateOf } from '../../calendar/index.ts';
import { AppError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import {
  COMPLAINT_EVENTS, COMPLAINT_SOURCES, COMPLAINT_STATUSES, complaintRegister, getComplaint, listComplaints, recordComplaint, sendComplaintEvent,
  SUBJECT_KINDS, type ComplaintQuery, type ComplaintView, type NewComplaint,
} from '../../supervision/index.ts';
import { complaintRegisterBook } from '../../supervision/printouts/complaint-register-book.ts';
import { complaintRegisterXlsx, XLSX_TYPE } from '../../supervision/printouts/complaint-register-xlsx.ts';
import { complaintReplyLetter } from '../../supervision/printouts/complaint-reply-letter.ts';
import { currentUser, requireRole } from '../authentication.ts';
import { errorResponses, fileResponse, idParams } from '../schemas.ts';
import { anyPayload, day, historyEntry, int, nbool, nstr, page, pageParams, ref, str } from './supervision-schemas.ts';

const complaint = {
  type: 'object',
  properties: {
    id: str, number: str, org: ref, receivedAt: str, complainant: str, phone: nstr, content: str, source: str, sourceLabel: str,
    subject: { type: ['object', 'null'], properties: { kind: str, kindLabel: str, id: str, name: nstr } },
    caseId: nstr, recorder: str, status: str, statusLabel: str, confirmed: nbool, finding: nstr, investigatedAt: nstr, result: nstr, handledAt: nstr,
    reply: { type: ['object', 'null'], properties: { method: str, methodLabel: str, content: str, number: str, at: str } },
    closedAt: nstr, actions: { type: 'array', items: str }, history: { type: 'array', items: historyEntry }, version: int,
  },
} as const;

const registerQuery = { type: 'object', additionalProperties: false, properties: { orgId: { type: 'string', maxLength: 64 }, from: day, to: day } } as const;
/** The printed book is one document: a period of one centre, not the county's history. */
const BOOK_MAX_ROWS = 2000;

export function complaintRoutes(app: FastifyInstance, rt: Runtime): void {
  const sv = rt.supervision;
  const staff = (request: Parameters<typeof currentUser>[0]) => requireRole(request, 'clerk', 'agent', 'head', 'supervisor', 'approver');

  app.post<{ Body: NewComplaint }>(
    '/api/complaints',
    {
      schema: {
        tags: ['supervision'],
        summary: '登记投诉',
        body: {
          type: 'object',
          required: ['receivedAt', 'complainant', 'content', 'source'],
          additionalProperties: false,
          properties: {
            orgId: { type: 'string', maxLength: 64 },
            receivedAt: { type: 'string', format: 'date-time' },
            complainant: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
            phone: { type: 'string', maxLength: 20, pattern: '^[0-9+() -]{5,20}$' },
            content: { type: 'string', minLength: 2, maxLength: 4000, pattern: '\\S' },
            source: { type: 'string', enum: COMPLAINT_SOURCES.map((s) => s.code) },
            subject: {
              type: 'object',
              required: ['kind', 'id'],
              additionalProperties: false,
              properties: { kind: { type: 'string', enum: Object.keys(SUBJECT_KINDS) }, id: { type: 'string', minLength: 1, maxLength: 80 } },
            },
            recordedBy: { type: 'string', maxLength: 100 },
          },
        },
        response: { 201: complaint, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordComplaint(sv, staff(request), request.body)),
  );

  app.get<{ Querystring: ComplaintQuery }>(
    '/api/complaints',
    {
      schema: {
        tags: ['supervision'],
        summary: '投诉处理记录本（列表，新的在前）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { orgId: { type: 'string', maxLength: 64 }, status: { type: 'string', enum: [...COMPLAINT_STATUSES, 'open'] }, from: day, to: day, ...pageParams },
        },
        response: { 200: page(complaint), ...errorResponses },
      },
    },
    async (request) => listComplaints(sv, currentUser(request), request.query),
  );

  const registerTitle = (request: Parameters<typeof currentUser>[0], q: { orgId?: string; from?: string; to?: string }) => {
    const org = rt.orgs.get(q.orgId ?? currentUser(request).orgId)!;
    const period = q.from || q.to ? `${q.from ?? '…'} 至 ${q.to ?? shanghaiDateOf(rt.now())}` : `截至 ${shanghaiDateOf(rt.now())}`;
    return { org, period, title: `${org.name}投诉处理记录本（${period}）` };
  };

  app.get<{ Querystring: { orgId?: string; from?: string; to?: string } }>(
    '/api/complaints/register.xlsx',
    { schema: { tags: ['supervision'], summary: '投诉处理记录本（Excel）', querystring: registerQuery, response: { ...fileResponse(XLSX_TYPE, '投诉处理记录本（.xlsx）'), ...errorResponses } } },
    async (request, reply) => {
      const user = currentUser(request);
      if (request.query.orgId && !rt.orgs.scope(user.orgId).has(request.query.orgId)) throw new AppError('ORG_NOT_FOUND');
      const { title, org } = registerTitle(request, request.query);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${org.name}投诉处理记录本`)}.xlsx`)
        .send(complaintRegisterXlsx(title, complaintRegister(sv, user, request.query)));
    },
  );

  app.get<{ Querystring: { orgId?: string; from?: string; to?: string } }>(
    '/api/complaints/register.pdf',
    { schema: { tags: ['supervision'], summary: '投诉处理记录本（打印）', querystring: registerQuery, response: { ...fileResponse('application/pdf', '投诉处理记录本（PDF）'), ...errorResponses } } },
    async (request, reply) => {
      const user = currentUser(request);
      if (request.query.orgId && !rt.orgs.scope(user.orgId).has(request.query.orgId)) throw new AppError('ORG_NOT_FOUND');
      const { org, period } = registerTitle(request, request.query);
      const rows: ComplaintView[] = [];
      for await (const c of complaintRegister(sv, user, request.query)) {
        if (rows.length === BOOK_MAX_ROWS) throw new AppError('VALIDATION_FAILED', `记录超过 ${BOOK_MAX_ROWS} 条，请缩短期间后打印，或导出 Excel`, [{ pointer: '/from', message: '期间过长' }]);
        rows.push(c);
      }
      const pdf = await rt.pdf.document(complaintRegisterBook(org, period, rows, rt.now().toISOString(), `${rt.publicBaseUrl}/public`));
      return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${org.name}投诉处理记录本`)}.pdf`).send(pdf);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/complaints/:id',
    { schema: { tags: ['supervision'], summary: '投诉详情', params: idParams, response: { 200: complaint, ...errorResponses } } },
    async (request) => getComplaint(sv, currentUser(request), request.params.id),
  );

  app.post<{ Params: { id: string }; Body: { type: keyof typeof COMPLAINT_EVENTS; payload?: Record<string, unknown>; expectedVersion?: number } }>(
    '/api/complaints/:id/events',
    {
      schema: {
        tags: ['supervision'],
        summary: '投诉处理：调查核实、处理、答复、办结',
        params: idParams,
        body: {
          type: 'object',
          required: ['type'],
          additionalProperties: false,
          properties: { type: { type: 'string', enum: Object.keys(COMPLAINT_EVENTS) }, payload: anyPayload, expectedVersion: { type: 'integer', minimum: 1 } },
        },
        response: { 200: complaint, ...errorResponses },
      },
    },
    async (request) => sendComplaintEvent(sv, staff(request), request.params.id, request.body),
  );

  app.get<{ Params: { id: string } }>(
    '/api/complaints/:id/reply.pdf',
    { schema: { tags: ['supervision'], summary: '投诉处理答复书（PDF）', params: idParams, response: { ...fileResponse('application/pdf', '投诉处理答复书'), ...errorResponses } } },
    async (request, reply) => {
      const c = await getComplaint(sv, currentUser(request), request.params.id);
      if (!c.reply) throw new AppError('COMPLAINT_EVENT_NOT_ALLOWED', '投诉尚未答复，答复后可打印答复书');
      const org = rt.orgs.get(c.org.id)!;
      const pdf = await rt.pdf.document(complaintReplyLetter(org, org.parentId ? rt.orgs.get(org.parentId) : undefined, c, `${rt.publicBaseUrl}/public`));
      return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(c.reply.number)}.pdf`).send(pdf);
    },
  );
}

