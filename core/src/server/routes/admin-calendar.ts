import type { FastifyInstance } from 'fastify';
import { CALENDAR_DAY_KINDS, InvalidYearCalendarError, missingCalendarYears, validateYearCalendar, type YearCalendar } from '../../calendar/index.ts';
import { recomputeDueDates } from '../../cases/index.ts';
import { AppError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { requireRole } from '../authentication.ts';
import { errorResponses } from '../schemas.ts';

const yearCalendarSchema = {
  type: 'object',
  required: ['year', 'days'],
  properties: {
    year: { type: 'integer' },
    region: { type: 'string' },
    days: {
      type: 'array',
      items: { type: 'object', required: ['date', 'kind'], properties: { date: { type: 'string' }, kind: { type: 'string', enum: CALENDAR_DAY_KINDS }, name: { type: 'string' } } },
    },
    provisional: { type: 'boolean' },
    updatedAt: { type: 'string' },
    updatedBy: { type: 'string' },
    recorded: { type: 'boolean', description: '该年度已录入（未录入时 days 为空，待填写）' },
  },
} as const;

const yearParams = { type: 'object', required: ['year'], properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } } } as const;

export function adminCalendarRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get<{ Params: { year: number } }>(
    '/api/admin/calendar/:year',
    { schema: { tags: ['admin'], summary: '工作日历（节假日与调休）', params: yearParams, response: { 200: yearCalendarSchema, ...errorResponses } } },
    async (request) => {
      requireRole(request, 'admin', 'supervisor', 'clerk', 'approver', 'head');
      // A year not entered yet is an answer, not an error: the admin page shows it empty to fill in.
      // (Computing a due date in such a year is the error: CALENDAR_YEAR_MISSING.)
      const year = await rt.calendar.getYear(request.params.year);
      return year ? { ...year, recorded: true } : { year: request.params.year, days: [], recorded: false };
    },
  );

  app.put<{ Params: { year: number }; Body: YearCalendar }>(
    '/api/admin/calendar/:year',
    {
      schema: {
        tags: ['admin'],
        summary: '设置某年工作日历',
        params: yearParams,
        body: { type: 'object', required: ['days'], properties: { year: { type: 'integer' }, region: { type: 'string' }, days: { type: 'array' } } },
        response: {
          200: { ...yearCalendarSchema, properties: { ...yearCalendarSchema.properties, recomputedCases: { type: 'integer', description: '按新日历重算办结时间的在办件数' } } },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireRole(request, 'admin');
      const body = { ...request.body, year: request.params.year };
      const problems = validateYearCalendar(body, request.params.year);
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', '工作日历有误', problems);
      let saved;
      try {
        saved = await rt.calendar.saveYear(body, user.username);
      } catch (err) {
        if (err instanceof InvalidYearCalendarError) throw new AppError('VALIDATION_FAILED', '工作日历有误', err.problems);
        throw err;
      }
      // The open cases due in or after the year count over it now (their provisional dates among them).
      const recomputedCases = await recomputeDueDates(rt.db, rt.calendar.calendar(), request.params.year, rt.now());
      return { ...saved, recorded: true, recomputedCases };
    },
  );

  app.get(
    '/api/admin/calendar-status',
    {
      schema: {
        tags: ['admin'],
        summary: '尚未录入的工作日历年度（本年度；每年10月1日起含下一年度）',
        response: {
          200: {
            type: 'object',
            required: ['missing'],
            properties: { missing: { type: 'array', items: { type: 'object', required: ['year', 'message'], properties: { year: { type: 'integer' }, message: { type: 'string' } } } } },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return { missing: await missingCalendarYears(rt.db, rt.now()) };
    },
  );
}
