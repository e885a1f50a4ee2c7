// An organisation's supervision settings: each one its own or inherited (and from where), the
// effective values; set by the organisation's administrator or centre head, or one above.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { transact, withSql } from '../../store/index.ts';
import { readSettings, writeSettings, type OwnSettings } from '../../supervision/index.ts';
import { currentUser, requireRole } from '../authentication.ts';
import { errorResponses, idParams } from '../schemas.ts';
import { nint, nstr } from './supervision-schemas.ts';

const values = (n: 'integer' | 'string') => ({
  type: 'object',
  properties: { rectificationDays: n === 'integer' ? { type: 'integer' } : nint, refusalReview: n === 'integer' ? { type: 'string' } : nstr, callbackSampleSize: n === 'integer' ? { type: 'integer' } : nint },
});
const settingsView = {
  type: 'object',
  properties: { orgId: { type: 'string' }, effective: values('integer'), own: values('string'), from: { type: 'object', properties: { rectificationDays: nstr, refusalReview: nstr, callbackSampleSize: nstr } } },
} as const;

export function supervisionSettingsRoutes(app: FastifyInstance, rt: Runtime): void {
  const inScope = (userOrgId: string, orgId: string) => {
    if (!rt.orgs.get(orgId) || !rt.orgs.scope(userOrgId).has(orgId)) throw new AppError('ORG_NOT_FOUND');
  };

  app.get<{ Params: { id: string } }>(
    '/api/orgs/:id/supervision-settings',
    { schema: { tags: ['supervision'], summary: '监督设置：整改期限、否定报备方式、回访抽样数', params: idParams, response: { 200: settingsView, ...errorResponses } } },
    async (request) => {
      inScope(currentUser(request).orgId, request.params.id);
      return { orgId: request.params.id, ...(await withSql(rt.db, (sql) => readSettings(sql, rt.orgs, request.params.id))) };
    },
  );

  app.put<{ Params: { id: string }; Body: OwnSettings }>(
    '/api/orgs/:id/supervision-settings',
    {
      schema: {
        tags: ['supervision'],
        summary: '修改监督设置（null 为沿用上级或默认）',
        params: idParams,
        body: {
          type: 'object',
          required: ['rectificationDays', 'refusalReview', 'callbackSampleSize'],
          additionalProperties: false,
          properties: {
            rectificationDays: { type: ['integer', 'null'], minimum: 1, maximum: 7, description: '差评整改期限（日，不超过 7 日）' },
            refusalReview: { type: ['string', 'null'], enum: ['report', 'countersign', null] },
            callbackSampleSize: { type: ['integer', 'null'], minimum: 1, maximum: 200 },
          },
        },
        response: { 200: settingsView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireRole(request, 'admin', 'head');
      inScope(user.orgId, request.params.id);
      await transact(rt.db, (sql) => writeSettings(sql, request.params.id, request.body, user.id, rt.now()));
      return { orgId: request.params.id, ...(await withSql(rt.db, (sql) => readSettings(sql, rt.orgs, request.params.id))) };
    },
  );
}
