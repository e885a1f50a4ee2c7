// Monthly reports: POST /api/reports (draft), POST /api/reports/:id/events (SUBMIT | RETURN | ACCEPT),
// GET /api/reports (list), GET /api/reports/:id, /api/reports/:id.xlsx, /api/reports/:id.pdf.
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.ts';
import { AppError } from '../../errors/index.ts';
import { draftReport, getReport, listReports, REPORT_EVENTS, REPORT_STATUSES, sendReportEvent, type ReportEvent, type ReportStatus } from '../../stats/index.ts';
import { reportPdf } from '../../stats/exports/report-pdf.ts';
import { reportXlsx } from '../../stats/exports/report-xlsx.ts';
import { XLSX_TYPE } from '../../stats/exports/ledger-xlsx.ts';
import { currentUser } from '../authentication.ts';
import { errorResponses } from '../schemas.ts';
import { caseFigures } from './stats.ts';
import { bool, int, month, nint, nstr, str } from './supervision-schemas.ts';

const orgRef = { type: 'object', properties: { id: str, name: str, level: str } } as const;
const indicator = {
  type: 'object',
  properties: {
    code: str, label: str, target: int, measure: str, source: { type: 'object', properties: { document: str, title: str, article: str, quote: str } },
    value: { type: ['number', 'null'] }, projected: nint, met: { type: ['boolean', 'null'] }, deduction: nint, judged: nint,
    short: { type: ['array', 'null'], items: { type: 'object', properties: { id: str, name: str, value: { type: 'number' } } } },
  },
} as const;
const report = {
  type: 'object',
  properties: {
    id: str, org: orgRef, reviewer: { type: 'object', properties: { id: str, name: str } }, month: str, status: str, statusLabel: str, locked: bool, version: int,
    computedAt: str, returnNote: nstr, submittedAt: nstr, acceptedAt: nstr,
    figures: {
      type: 'object',
      properties: {
        from: str, to: str, total: caseFigures,
        rows: { type: 'array', items: { type: 'object', properties: { key: str, name: str, ...caseFigures.properties } } },
        indicators: { type: 'array', items: indicator },
        corrections: { type: 'array', items: { type: 'object', properties: { month: str, field: str, reported: { type: ['number', 'null'] }, now: { type: ['number', 'null'] } } } },
        correctionNote: nstr,
      },
    },
    actions: { type: 'array', items: str },
    history: { type: 'array', items: { type: 'object', properties: { type: str, label: str, from: nstr, to: str, note: nstr, actor: nstr, at: str } } },
  },
} as const;

export function reportRoutes(app: FastifyInstance, rt: Runtime): void {
  app.post<{ Body: { orgId?: string; month: string } }>(
    '/api/reports',
    {
      schema: {
        tags: ['stats'],
        summary: '编制月报：按本单位当月数据生成草稿（已退回或草稿则重新计算；已审核的月份锁定）',
        body: { type: 'object', additionalProperties: false, required: ['month'], properties: { orgId: { type: 'string', maxLength: 64 }, month } },
        response: { 200: report, 201: report, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { created, report: view } = await draftReport(rt.stats, currentUser(request), request.body);
      return reply.code(created ? 201 : 200).send(view);
    },
  );

  app.post<{ Params: { id: string }; Body: { type: ReportEvent; note?: string; expectedVersion?: number } }>(
    '/api/reports/:id/events',
    {
      schema: {
        tags: ['stats'],
        summary: '月报上报、退回（须说明原因）、审核通过（锁定）',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['type'],
          properties: { type: { type: 'string', enum: [...REPORT_EVENTS] }, note: { type: 'string', maxLength: 2000 }, expectedVersion: { type: 'integer', minimum: 1 } },
        },
        response: { 200: report, ...errorResponses },
      },
    },
    async (request) => sendReportEvent(rt.stats, currentUser(request), request.params.id, request.body),
  );

  app.get<{ Querystring: { orgId?: string; month?: string; status?: ReportStatus } }>(
    '/api/reports',
    {
      schema: {
        tags: ['stats'],
        summary: '月报列表：本单位及下级单位（审核人据此看到报送情况）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { orgId: { type: 'string', maxLength: 64 }, month, status: { type: 'string', enum: Object.keys(REPORT_STATUSES) } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: str, org: orgRef, month: str, status: str, statusLabel: str, version: int, submittedAt: nstr, acceptedAt: nstr, received: int, concluded: int,
                    actions: { type: 'array', items: str },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => listReports(rt.stats, currentUser(request), request.query),
  );

  app.get<{ Params: { file: string } }>(
    '/api/reports/:file',
    {
      schema: {
        tags: ['stats'],
        summary: '月报详情（:id），Excel（:id.xlsx）或打印件（:id.pdf，上报后加盖本单位印章）',
        params: { type: 'object', required: ['file'], properties: { file: { type: 'string', maxLength: 80, pattern: '^[0-9a-f-]+(\\.(xlsx|pdf))?$' } } },
        response: { 200: report, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const [id, ext] = request.params.file.split('.') as [string, string | undefined];
      const view = await getReport(rt.stats, user, id);
      const name = encodeURIComponent(`${view.org.name}${view.month}月报`);
      if (ext === 'xlsx') return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename*=UTF-8''${name}.xlsx`).send(await reportXlsx(view));
      if (ext === 'pdf') {
        const org = rt.orgs.get(view.org.id);
        if (!org) throw new AppError('ORG_NOT_FOUND');
        const printed = await reportPdf(rt.db, org, view, { at: rt.now(), userId: user.id, qrUrl: `${rt.publicBaseUrl}/public` });
        return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${name}.pdf`).header('x-document-number', encodeURIComponent(printed.number)).send(printed.pdf);
      }
      return view;
    },
  );
}
