// Appointments: the portal's slots and bookings (with the applicant's own look-up and cancellation by
// number and the phone's last four digits), staff bookings by phone, on site and 上门 visits, the
// day's list and an agent's visits, and check-in, cancel, no-show, assign, complete.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/index.ts';
import {
  APPOINTMENT_CHANNELS, APPOINTMENT_EVENTS, APPOINTMENT_STATUSES, VISIT_NEEDS, appointmentView, bookAppointment, findPublicAppointment, listAppointments,
  loadAppointment, sendAppointmentEvent, slotsFor, ticketForAppointment, type AppointmentEvent, type AppointmentQuery, type NewAppointment,
} from '../../queue/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { withSql } from '../../store/index.ts';
import { currentUser, requireRole } from '../authentication.ts';
import { errorResponses, idParams } from '../schemas.ts';
import { anyPayload, day, int, nstr, page, pageParams, ref, str } from './supervision-schemas.ts';

export const appointmentSchema = {
  type: 'object',
  properties: {
    id: str, number: str, org: ref, itemCode: str, itemName: str, category: str, channel: str, channelLabel: str, slot: str, date: str, start: str, end: str, slotKind: str,
    status: str, statusLabel: str, applicant: { type: 'object', properties: { name: str, phone: nstr } },
    visit: { type: ['object', 'null'], properties: { address: str, need: str, needLabel: str, assignee: { type: ['object', 'null'], properties: { id: str, name: str } } } },
    note: nstr, reminderDueAt: nstr, remindedAt: nstr, checkedInAt: nstr, ticketId: nstr, caseId: nstr, createdAt: str, version: int,
    actions: { type: 'array', items: str },
  },
} as const;

const applicant = {
  type: 'object', required: ['name', 'phone'], additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' }, phone: { type: 'string', pattern: '^1[3-9]\\d{9}$', description: '手机号（接收预约提醒短信）' } },
} as const;
const slot = { type: 'string', format: 'date-time', description: '时段开始时间，如 2025-03-04T09:00:00+08:00' } as const;
const code = { type: 'string', minLength: 1, maxLength: 80 } as const;
const orgId = { type: 'string', minLength: 1, maxLength: 64 } as const;
const phone4 = { type: 'string', pattern: '^\\d{4}$' } as const;
const numberParams = { type: 'object', required: ['number'], properties: { number: { type: 'string', pattern: '^\\d{7,8}$' } } } as const;

/** What the portal shows the applicant of their own booking. */
function publicView(v: ReturnType<typeof appointmentView>) {
  return { number: v.number, org: v.org, itemCode: v.itemCode, itemName: v.itemName, slot: v.slot, date: v.date, start: v.start, end: v.end, status: v.status, statusLabel: v.statusLabel, applicant: v.applicant };
}
const publicSchema = {
  type: 'object',
  properties: {
    number: str, org: ref, itemCode: str, itemName: str, slot: str, date: str, start: str, end: str, status: str, statusLabel: str,
    applicant: { type: 'object', properties: { name: str, phone: nstr } },
  },
} as const;

export function appointmentRoutes(app: FastifyInstance, rt: Runtime): void {
  const q = rt.queue;
  const staff = (request: Parameters<typeof currentUser>[0]) => requireRole(request, 'clerk', 'agent', 'head', 'admin', 'approver');

  app.get<{ Params: { id: string }; Querystring: { itemCode: string; date: string } }>(
    '/api/public/orgs/:id/slots',
    {
      schema: {
        tags: ['public'], summary: '可预约时段及余量', params: idParams,
        querystring: { type: 'object', required: ['itemCode', 'date'], additionalProperties: false, properties: { itemCode: code, date: day } },
        response: {
          200: {
            type: 'object',
            properties: {
              date: str, open: { type: 'boolean' }, bookable: { type: 'boolean' }, reason: nstr, category: str,
              slots: { type: 'array', items: { type: 'object', properties: { slot: str, start: str, end: str, kind: str, capacity: int, left: int } } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => slotsFor(q, request.params.id, request.query.itemCode, request.query.date),
  );

  app.post<{ Body: Omit<NewAppointment, 'channel' | 'visit'> }>(
    '/api/public/appointments',
    {
      schema: {
        tags: ['public'], summary: '网上预约',
        body: { type: 'object', required: ['orgId', 'itemCode', 'slot', 'applicant'], additionalProperties: false, properties: { orgId, itemCode: code, slot, applicant } },
        response: { 201: publicSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(publicView(await bookAppointment(q, null, request.body))),
  );

  app.get<{ Params: { number: string }; Querystring: { orgId: string; phone4: string; date?: string } }>(
    '/api/public/appointments/:number',
    {
      schema: {
        tags: ['public'], summary: '查询本人预约（预约号 + 手机号后四位）', params: numberParams,
        querystring: { type: 'object', required: ['orgId', 'phone4'], additionalProperties: false, properties: { orgId, phone4, date: day } },
        response: { 200: publicSchema, ...errorResponses },
      },
    },
    async (request) => publicView(appointmentView(q, await findPublicAppointment(q, request.query.orgId, request.params.number, request.query.phone4, request.query.date))),
  );

  app.post<{ Params: { number: string }; Body: { orgId: string; phone4: string; date?: string; reason?: string } }>(
    '/api/public/appointments/:number/cancel',
    {
      schema: {
        tags: ['public'], summary: '取消本人预约', params: numberParams,
        body: { type: 'object', required: ['orgId', 'phone4'], additionalProperties: false, properties: { orgId, phone4, date: day, reason: { type: 'string', maxLength: 200 } } },
        response: { 200: publicSchema, ...errorResponses },
      },
    },
    async (request) => {
      const row = await findPublicAppointment(q, request.body.orgId, request.params.number, request.body.phone4, request.body.date);
      return publicView(await sendAppointmentEvent(q, null, row.id, { type: 'CANCEL', payload: { reason: request.body.reason ?? '申请人网上取消' } }));
    },
  );

  app.post<{ Body: NewAppointment & { orgId?: string } }>(
    '/api/appointments',
    {
      schema: {
        tags: ['appointments'], summary: '窗口登记预约（电话、现场）或上门服务',
        body: {
          type: 'object', required: ['itemCode', 'slot', 'applicant', 'channel'], additionalProperties: false,
          properties: {
            orgId, itemCode: code, slot, applicant,
            channel: { type: 'string', enum: Object.keys(APPOINTMENT_CHANNELS).filter((c) => c !== 'online') },
            visit: {
              type: 'object', required: ['address', 'need'], additionalProperties: false,
              properties: { address: { type: 'string', minLength: 2, maxLength: 300, pattern: '\\S' }, need: { type: 'string', enum: Object.keys(VISIT_NEEDS) }, assigneeId: { type: 'string', maxLength: 64 } },
            },
            note: { type: 'string', maxLength: 500 },
          },
        },
        response: { 201: appointmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = staff(request);
      return reply.status(201).send(await bookAppointment(q, user, { ...request.body, orgId: request.body.orgId ?? user.orgId }));
    },
  );

  app.get<{ Querystring: AppointmentQuery }>(
    '/api/appointments',
    {
      schema: {
        tags: ['appointments'], summary: '预约登记（某日，按时段）或上门服务清单（assignee=me）',
        querystring: {
          type: 'object', additionalProperties: false,
          properties: {
            orgId, date: day, status: { type: 'string', enum: Object.keys(APPOINTMENT_STATUSES) }, channel: { type: 'string', enum: Object.keys(APPOINTMENT_CHANNELS) },
            assignee: { type: 'string', maxLength: 64 }, ...pageParams,
          },
        },
        response: { 200: page(appointmentSchema), ...errorResponses },
      },
    },
    async (request) => listAppointments(q, currentUser(request), request.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/appointments/:id',
    { schema: { tags: ['appointments'], summary: '预约详情', params: idParams, response: { 200: appointmentSchema, ...errorResponses } } },
    async (request) => {
      const user = currentUser(request);
      const row = await withSql(rt.db, (sql) => loadAppointment(sql, request.params.id));
      if (!row || !rt.orgs.scope(user.orgId).has(row.org_id)) throw new AppError('APPOINTMENT_NOT_FOUND');
      return appointmentView(q, row);
    },
  );

  app.post<{ Params: { id: string }; Body: { type: AppointmentEvent; payload?: Record<string, unknown> } }>(
    '/api/appointments/:id/events',
    {
      schema: {
        tags: ['appointments'], summary: '签到、取消、爽约、指派上门人员、上门完成', params: idParams,
        body: { type: 'object', required: ['type'], additionalProperties: false, properties: { type: { type: 'string', enum: Object.keys(APPOINTMENT_EVENTS) }, payload: anyPayload } },
        response: { 200: appointmentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = staff(request);
      // Checking in at the window hands the applicant the appointment's queue ticket.
      return sendAppointmentEvent(q, user, request.params.id, request.body, async (sql, row) => (await ticketForAppointment(q, sql, row, user, 'staff')).id);
    },
  );
}
