// 台账: GET /api/ledger (a page), /api/ledger.xlsx (streamed), /api/ledger.csv (streamed) and
// /api/ledger.pdf (printed and sealed by the station) for an organisation or one of its windows.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../../runtime/runtime.ts';
import { AppError } from '../../errors/index.ts';
import { ledgerPage, ledgerRows, ledgerScope, type LedgerQuery, type LedgerRow, type LedgerScope } from '../../stats/index.ts';
import { ledgerCsv, CSV_TYPE } from '../../stats/exports/ledger-csv.ts';
import { ledgerPdf, LEDGER_PDF_MAX_ROWS } from '../../stats/exports/ledger-pdf.ts';
import { ledgerXlsx, XLSX_TYPE } from '../../stats/exports/ledger-xlsx.ts';
import { currentUser } from '../authentication.ts';
import { errorResponses, fileResponse } from '../schemas.ts';
import { day, nstr, pageParams, str } from './supervision-schemas.ts';

const scopeParams = { orgId: { type: 'string', maxLength: 64 }, from: day, to: day, windowId: { type: 'string', maxLength: 64 } } as const;
const exportQuery = { type: 'object', additionalProperties: false, properties: scopeParams } as const;

const ledgerRow = {
  type: 'object',
  properties: {
    caseId: str, receivedAt: str, number: str, itemCode: str, itemName: str, applicant: nstr, phone: nstr, channel: str, channelName: str, handler: nstr,
    agent: nstr, result: str, delivery: nstr, concludedAt: nstr,
  },
} as const;

function fileName(scope: LedgerScope, ext: string): string {
  const period = scope.from === scope.to ? scope.from : `${scope.from}至${scope.to}`;
  return `attachment; filename*=UTF-8''${encodeURIComponent(`${scope.org.name}${scope.window?.name ?? ''}台账${period}`)}.${ext}`;
}

export function ledgerRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get<{ Querystring: LedgerQuery }>(
    '/api/ledger',
    {
      schema: {
        tags: ['stats'],
        summary: '服务记录台账：收件时间、编号、事项、申请人与电话（脱敏）、渠道、经办人、代办员、结果、送达、办结',
        querystring: { type: 'object', additionalProperties: false, properties: { ...scopeParams, ...pageParams } },
        response: {
          200: {
            type: 'object',
            properties: {
              org: { type: 'object', properties: { id: str, name: str, level: str } },
              window: { type: ['object', 'null'], properties: { id: str, name: str } },
              from: str,
              to: str,
              items: { type: 'array', items: ledgerRow },
              nextCursor: nstr,
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => ledgerPage(rt.stats, currentUser(request), request.query),
  );

  const stream = (ext: string, type: string, body: (scope: LedgerScope) => NodeJS.ReadableStream) => async (request: FastifyRequest<{ Querystring: LedgerQuery }>, reply: FastifyReply) => {
    const scope = await ledgerScope(rt.stats, currentUser(request), request.query);
    return reply.type(type).header('content-disposition', fileName(scope, ext)).send(body(scope));
  };
  const title = (scope: LedgerScope) => `${scope.org.name}${scope.window?.name ?? ''}服务记录台账（${scope.from} 至 ${scope.to}）`;

  app.get<{ Querystring: LedgerQuery }>(
    '/api/ledger.xlsx',
    { schema: { tags: ['stats'], summary: '服务记录台账（Excel，流式导出）', querystring: exportQuery, response: { ...fileResponse(XLSX_TYPE, '服务记录台账（.xlsx）'), ...errorResponses } } },
    stream('xlsx', XLSX_TYPE, (scope) => ledgerXlsx(title(scope), ledgerRows(rt.stats, scope))),
  );

  app.get<{ Querystring: LedgerQuery }>(
    '/api/ledger.csv',
    { schema: { tags: ['stats'], summary: '服务记录台账（CSV）', querystring: exportQuery, response: { ...fileResponse('text/csv', '服务记录台账（.csv）'), ...errorResponses } } },
    stream('csv', CSV_TYPE, (scope) => ledgerCsv(ledgerRows(rt.stats, scope))),
  );

  app.get<{ Querystring: LedgerQuery }>(
    '/api/ledger.pdf',
    { schema: { tags: ['stats'], summary: '服务记录台账（打印，加盖站所印章）', querystring: exportQuery, response: { ...fileResponse('application/pdf', '服务记录台账（PDF）'), ...errorResponses } } },
    async (request, reply) => {
      const user = currentUser(request);
      const scope = await ledgerScope(rt.stats, user, request.query);
      const rows: LedgerRow[] = [];
      for await (const r of ledgerRows(rt.stats, scope)) {
        if (rows.length === LEDGER_PDF_MAX_ROWS) {
          throw new AppError('VALIDATION_FAILED', `台账超过 ${LEDGER_PDF_MAX_ROWS} 条，请缩短期间后打印，或导出 Excel`, [{ pointer: '/from', message: '期间过长' }]);
        }
        rows.push(r);
      }
      const sealed = await ledgerPdf(rt.db, rt.orgs.get(scope.org.id)!, scope, rows, { at: rt.now(), userId: user.id, qrUrl: `${rt.publicBaseUrl}/public`, render: rt.pdf.document });
      return reply
        .type('application/pdf')
        .header('content-disposition', fileName(scope, 'pdf').replace('attachment', 'inline'))
        .header('x-document-number', encodeURIComponent(sealed.number))
        .send(sealed.pdf);
    },
  );
}
