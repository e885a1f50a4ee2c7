// Service hours: an organisation's own (or inherited) configuration for its administrator or centre
// head, and the resolved days for the portal and the guides.
import type { FastifyInstance } from 'fastify';
import { addCalendarDays, isCalendarDate, shanghaiDateOf, yearOf } from '../../calendar/index.ts';
import { AppError } from '../../errors/index.ts';
import { checkServiceHours, DEFAULT_HOURS, dayHours, MAX_EXTENSION_MINUTES, readHours, saveHours, WEEKDAYS, type ServiceHours } from '../../hours/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { transact, withSql } from '../../store/index.ts';
import { currentUser, requireRole } from '../authentication.ts';
import { errorResponses, idParams } from '../schemas.ts';

const time = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' } as const;
const period = { type: 'object', required: ['start', 'end'], additionalProperties: false, properties: { start: time, end: time } } as const;
const periods = { type: 'array', maxItems: 6, items: period } as const;
const week = (required: boolean) =>
  ({ type: 'object', ...(required ? { required: [...WEEKDAYS] } : {}), additionalProperties: false, properties: Object.fromEntries(WEEKDAYS.map((d) => [d, periods])) }) as const;
const monthDay = { type: 'string', pattern: '^\\d{2}-\\d{2}$' } as const;

export const serviceHoursSchema = {
  type: 'object',
  required: ['weekly'],
  additionalProperties: false,
  properties: {
    weekly: week(true),
    seasons: {
      type: 'array', maxItems: 4,
      items: { type: 'object', required: ['name', 'from', 'to', 'weekly'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1, maxLength: 20 }, from: monthDay, to: monthDay, weekly: week(false) } },
    },
    lunchService: { type: 'boolean' },
    extended: {
      type: 'object', required: ['morningMinutes', 'eveningMinutes'], additionalProperties: false,
      properties: { morningMinutes: { type: 'integer', minimum: 0, maximum: MAX_EXTENSION_MINUTES }, eveningMinutes: { type: 'integer', minimum: 0, maximum: MAX_EXTENSION_MINUTES } },
    },
    weekend: {
      type: 'object', required: ['periods', 'booking', 'items'], additionalProperties: false,
      properties: { periods, booking: { type: 'boolean' }, items: { type: 'array', maxItems: 200, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 80 } } },
    },
    exceptions: {
      type: 'array', maxItems: 366,
      items: {
        type: 'object', required: ['date', 'closed', 'reason'], additionalProperties: false,
        properties: { date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, closed: { type: 'boolean' }, periods, reason: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } },
      },
    },
    slotMinutes: { type: 'integer', enum: [10, 15, 20, 30, 60] },
  },
} as const;

const dayPeriod = { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' }, kind: { type: 'string' } } } as const;
export const dayHoursSchema = {
  type: 'object',
  properties: {
    date: { type: 'string' }, weekday: { type: 'string' }, kind: { type: 'string' }, open: { type: 'boolean' }, reason: { type: ['string', 'null'] },
    season: { type: ['string', 'null'] }, periods: { type: 'array', items: dayPeriod }, items: { type: ['array', 'null'], items: { type: 'string' } }, bookable: { type: 'boolean' },
  },
} as const;

const hoursView = {
  type: 'object',
  properties: { orgId: { type: 'string' }, hours: serviceHoursSchema, from: { type: ['string', 'null'] }, updatedAt: { type: ['string', 'null'] }, days: { type: 'array', items: dayHoursSchema } },
} as const;

const daysQuery = {
  type: 'object', additionalProperties: false,
  properties: { from: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, days: { type: 'integer', minimum: 1, maximum: 62 } },
} as const;

export function serviceHoursRoutes(app: FastifyInstance, rt: Runtime): void {
  const inScope = (userOrgId: string, orgId: string) => {
    if (!rt.orgs.get(orgId) || !rt.orgs.scope(userOrgId).has(orgId)) throw new AppError('ORG_NOT_FOUND');
  };
  const view = async (orgId: string, from?: string, n = 14) => {
    const start = from ?? shanghaiDateOf(rt.now());
    if (!isCalendarDate(start)) throw new AppError('VALIDATION_FAILED', '日期无效', [{ pointer: '/from', message: '日期无效' }]);
    const end = addCalendarDays(start, n - 1);
    const calendar = await rt.calendar.ensureYears(yearOf(start), yearOf(end));
    const stored = await withSql(rt.db, (sql) => readHours(sql, rt.orgs, orgId));
    const days = Array.from({ length: n }, (_, i) => dayHours(stored.hours, calendar, addCalendarDays(start, i)));
    return { orgId, hours: stored.hours, from: stored.from, updatedAt: stored.updatedAt, days };
  };

  app.get<{ Params: { id: string }; Querystring: { from?: string; days?: number } }>(
    '/api/admin/orgs/:id/hours',
    { schema: { tags: ['hours'], summary: '服务时间（本单位设置或沿用上级）与近期每日时段', params: idParams, querystring: daysQuery, response: { 200: hoursView, ...errorResponses } } },
    async (request) => {
      inScope(currentUser(request).orgId, request.params.id);
      return view(request.params.id, request.query.from, request.query.days);
    },
  );

  app.put<{ Params: { id: string }; Body: Partial<ServiceHours> & Pick<ServiceHours, 'weekly'> }>(
    '/api/admin/orgs/:id/hours',
    { schema: { tags: ['hours'], summary: '设置服务时间：工作时间、冬夏令时、午间服务、弹性预约时段、周末、例外日', params: idParams, body: serviceHoursSchema, response: { 200: hoursView, ...errorResponses } } },
    async (request) => {
      const user = requireRole(request, 'admin', 'head');
      inScope(user.orgId, request.params.id);
      // A full replacement: what the body leaves out takes the default.
      const hours: ServiceHours = { ...DEFAULT_HOURS, ...request.body };
      const problems = checkServiceHours(hours, (code) => rt.registry.get(code) !== undefined, isCalendarDate);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', '服务时间设置有误', problems);
      hours.exceptions = [...hours.exceptions].sort((a, b) => a.date.localeCompare(b.date));
      await transact(rt.db, (sql) => saveHours(sql, request.params.id, hours, user.id, rt.now()));
      return view(request.params.id);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { from?: string; days?: number } }>(
    '/api/public/orgs/:id/hours',
    {
      schema: {
        tags: ['public'], summary: '服务时间（办事指南、网上预约用）', params: idParams, querystring: daysQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              org: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, address: { type: ['string', 'null'] }, phone: { type: ['string', 'null'] } } },
              lunchService: { type: 'boolean' }, extended: serviceHoursSchema.properties.extended, weekend: serviceHoursSchema.properties.weekend,
              days: { type: 'array', items: dayHoursSchema },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const org = rt.orgs.get(request.params.id);
      if (!org) throw new AppError('ORG_NOT_FOUND');
      const v = await view(org.id, request.query.from, request.query.days);
      return { org: { id: org.id, name: org.name, address: org.address ?? null, phone: org.phone ?? null }, lunchService: v.hours.lunchService, extended: v.hours.extended, weekend: v.hours.weekend, days: v.days };
    },
  );
}
