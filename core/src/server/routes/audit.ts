// The audit log's routes: the list (an administrator: the rows of their scope's staff; a county
// administrator or supervisor: all), the chain's verification and the CSV export (county level).
import type { FastifyInstance } from 'fastify';
import type { AuditRow } from '../../audit/index.ts';
import { AppError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { requireCountyAdmin, requireRole } from '../authentication.ts';
import { errorResponses, fileResponse } from '../schemas.ts';

interface AuditQuerystring {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

const querystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    actor: { type: 'string', maxLength: 64, description: '用户名或用户 ID' },
    action: { type: 'string', maxLength: 120, description: '操作（前缀匹配，如 auth.、case.read、PUT ）' },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    cursor: { type: 'string', pattern: '^[0-9]{1,15}$' },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
  },
} as const;

const rowSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: { type: 'string' },
    actorId: { type: ['string', 'null'] },
    actor: { type: ['string', 'null'] },
    orgId: { type: ['string', 'null'] },
    action: { type: 'string' },
    target: { type: ['string', 'null'] },
    status: { type: ['integer', 'null'] },
    ip: { type: ['string', 'null'] },
    detail: { type: ['object', 'null'], additionalProperties: true },
  },
} as const;

const CSV_COLUMNS: (keyof AuditRow)[] = ['id', 'at', 'actor', 'actorId', 'orgId', 'action', 'target', 'status', 'ip'];
const csvCell = (v: unknown) => {
  const text = v === null || v === undefined ? '' : String(v);
  // A leading = + - @ would be a formula in a spreadsheet: quoted with a ' first.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function auditRoutes(app: FastifyInstance, rt: Runtime): void {
  const orgScope = (orgId: string) => (rt.orgs.get(orgId)?.level === 'county' ? undefined : [...rt.orgs.scope(orgId)]);

  app.get<{ Querystring: AuditQuerystring }>(
    '/api/admin/audit',
    { schema: { tags: ['admin'], summary: '审计日志（登录、变更、个人信息查看、导出）', querystring, response: { 200: { type: 'object', properties: { items: { type: 'array', items: rowSchema }, nextCursor: { type: ['string', 'null'] } } }, ...errorResponses } } },
    async (request) => {
      const user = requireRole(request, 'admin', 'supervisor');
      const { cursor, ...q } = request.query;
      return rt.audit.list({ ...q, before: cursor ? Number(cursor) : undefined, orgIds: orgScope(user.orgId) });
    },
  );

  app.get(
    '/api/admin/audit/verify',
    { schema: { tags: ['admin'], summary: '校验审计日志哈希链', response: { 200: { type: 'object', properties: { intact: { type: 'boolean' }, rows: { type: 'integer' }, firstBrokenAt: { type: 'integer' } } }, ...errorResponses } } },
    async (request) => {
      requireCountyAdmin(request, rt.orgs);
      return rt.audit.verify();
    },
  );

  app.get<{ Querystring: AuditQuerystring }>(
    '/api/admin/audit/export',
    { schema: { tags: ['admin'], summary: '导出审计日志（CSV，最多 100,000 行）', querystring, response: { ...fileResponse('text/csv', '审计日志 CSV'), ...errorResponses } } },
    async (request, reply) => {
      requireCountyAdmin(request, rt.orgs);
      const { cursor: _c, limit: _l, ...q } = request.query;
      const lines = [CSV_COLUMNS.join(',')];
      let before: number | undefined;
      for (let n = 0; n < 200; n++) {
        const page = await rt.audit.list({ ...q, before, limit: 500 });
        for (const r of page.items) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
        if (!page.nextCursor) break;
        before = Number(page.nextCursor);
      }
      if (lines.length === 1 && request.query.from && request.query.to && request.query.from >= request.query.to) throw new AppError('VALIDATION_FAILED', '起止时间有误', [{ pointer: '/querystring/to', message: '截止时间须晚于起始时间' }]);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit-log.csv"').send(`\uFEFF${lines.join('\r\n')}\r\n`);
    },
  );
}
