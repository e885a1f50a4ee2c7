// Statistics of cases for a period (GET /api/stats/overview): counts, rates and what is overdue now,
// for an organisation and everything below it, grouped as the dashboard and the reports ask.
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.ts';
import { CASE_STATS_GROUPS, caseStats, type CaseStatsQuery } from '../../stats/index.ts';
import { currentUser } from '../authentication.ts';
import { errorResponses } from '../schemas.ts';
import { day, int, nint, str } from './supervision-schemas.ts';

const rate = { type: ['number', 'null'] } as const;
export const caseFigures = {
  type: 'object',
  properties: {
    received: int, accepted: int, concluded: int, refused: int, referred: int, withdrawn: int, onTime: int, onTimeRate: rate, immediateConcluded: int,
    immediateWithinTarget: int, immediateWithinTargetRate: rate, meanWorkingDays: rate, overdueOpen: nint, agent: int, evaluations: nint, good: nint,
    goodRate: rate, rectificationRate: rate, appointments: int, meanWaitingMinutes: rate,
  },
} as const;

export function statsRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get<{ Querystring: CaseStatsQuery }>(
    '/api/stats/overview',
    {
      schema: {
        tags: ['stats'],
        summary: '办件统计：收件、受理、办结、不予受理、转办、撤回，按时办结率、即办件60分钟办结率、平均办理工作日、逾期未办结、代办件、好评率、整改率',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { orgId: { type: 'string', maxLength: 64 }, from: day, to: day, groupBy: { type: 'string', enum: [...CASE_STATS_GROUPS] } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              org: { type: 'object', properties: { id: str, name: str, level: str } },
              from: str,
              to: str,
              groupBy: str,
              total: caseFigures,
              rows: { type: 'array', items: { type: 'object', properties: { key: str, name: str, ...caseFigures.properties } } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => caseStats(rt.stats, currentUser(request), request.query),
  );
}
