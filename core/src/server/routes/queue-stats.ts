// The queue's figures for a period (for the statistics and the dashboard) and the 延时/预约/上门 ledger.
import type { FastifyInstance } from 'fastify';
import { LEDGER_KINDS, QUEUE_COUNTERS, queueFigures, queueLedger, type LedgerKind, type QueueGroupBy } from '../../queue/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { currentUser } from '../authentication.ts';
import { errorResponses } from '../schemas.ts';
import { day, nstr, page, pageParams, str } from './supervision-schemas.ts';

const num = { type: ['number', 'null'] } as const;
const figures = {
  type: 'object',
  properties: {
    key: str, label: str, meanWaitMinutes: num, meanHandleMinutes: num, overThresholdRate: num,
    counts: { type: 'object', properties: Object.fromEntries(QUEUE_COUNTERS.map((c) => [c, { type: 'integer' }])) },
  },
} as const;
const ledgerRow = {
  type: 'object',
  properties: { date: str, kind: str, kindLabel: str, org: str, number: str, item: str, applicant: nstr, phone: nstr, channel: str, time: str, status: str, staff: nstr, detail: nstr, caseId: nstr },
} as const;

export function queueStatsRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get<{ Querystring: { orgId?: string; from: string; to: string; groupBy?: QueueGroupBy } }>(
    '/api/queue/stats',
    {
      schema: {
        tags: ['queue'], summary: '预约、取号、等候与办理时长统计（按单位、日、类别或事项）',
        querystring: {
          type: 'object', required: ['from', 'to'], additionalProperties: false,
          properties: { orgId: { type: 'string', maxLength: 64 }, from: day, to: day, groupBy: { type: 'string', enum: ['org', 'day', 'category', 'item'] } },
        },
        response: { 200: { type: 'object', properties: { from: str, to: str, total: figures, groups: { type: 'array', items: figures } } }, ...errorResponses },
      },
    },
    async (request) => queueFigures(rt.queue, currentUser(request), request.query),
  );

  app.get<{ Querystring: { orgId?: string; from: string; to: string; kind: LedgerKind; cursor?: string; limit?: number } }>(
    '/api/queue/ledger',
    {
      schema: {
        tags: ['queue'], summary: '延时、预约、上门服务台账',
        querystring: {
          type: 'object', required: ['from', 'to', 'kind'], additionalProperties: false,
          properties: { orgId: { type: 'string', maxLength: 64 }, from: day, to: day, kind: { type: 'string', enum: Object.keys(LEDGER_KINDS) }, ...pageParams },
        },
        response: { 200: page(ledgerRow), ...errorResponses },
      },
    },
    async (request) => queueLedger(rt.queue, currentUser(request), request.query),
  );
}
