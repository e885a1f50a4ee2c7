// GET /api/export/cases: the data feed for a provincial platform, NDJSON (one case per line),
// personal data masked; the cursor after the last line is in `x-next-cursor`.
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.ts';
import { EXPORT_MAX, exportCases, type ExportQuery } from '../../stats/index.ts';
import { requireRole } from '../authentication.ts';
import { errorResponses, fileResponse } from '../schemas.ts';

export function exportRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get<{ Querystring: ExportQuery }>(
    '/api/export/cases',
    {
      schema: {
        tags: ['stats'],
        summary: '办件数据推送（NDJSON，每行一件，个人信息脱敏），按最后变更时间顺序，游标续取',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { since: { type: 'string', maxLength: 40 }, cursor: { type: 'string', maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: EXPORT_MAX } },
        },
        response: { ...fileResponse('application/x-ndjson', '每行一件办件（JSON），下一页游标在 x-next-cursor'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, 'admin', 'supervisor');
      const page = await exportCases(rt.stats, user, request.query);
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('x-next-cursor', page.nextCursor ?? '')
        .send(page.items.map((c) => `${JSON.stringify(c)}\n`).join(''));
    },
  );
}
