// An organisation's queue settings: categories (prefix, items, windows, slot capacity), the order
// "next" takes tickets in, the waiting-time warning and the no-show limit.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/index.ts';
import { listWindows } from '../../org/index.ts';
import { checkQueueSettings, DEFAULT_QUEUE_SETTINGS, PRIORITY_CLASSES, readQueueSettings, saveQueueSettings, type QueueCategory, type QueueSettings } from '../../queue/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { transact, withSql } from '../../store/index.ts';
import { currentUser, requireRole } from '../authentication.ts';
import { errorResponses, idParams } from '../schemas.ts';

const category = {
  type: 'object', required: ['code', 'name', 'prefix'], additionalProperties: false,
  properties: {
    code: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,39}$' }, name: { type: 'string', minLength: 1, maxLength: 40, pattern: '\\S' }, prefix: { type: 'string', pattern: '^[A-Z]$' },
    items: { type: 'array', maxItems: 500, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 80 } },
    windowIds: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } },
    slotCapacity: { type: 'integer', minimum: 0, maximum: 100 },
    itemCapacity: { type: 'object', additionalProperties: { type: 'integer', minimum: 0, maximum: 100 } },
  },
} as const;

export const queueSettingsSchema = {
  type: 'object', required: ['categories'], additionalProperties: false,
  properties: {
    categories: { type: 'array', minItems: 1, maxItems: 26, items: category },
    priorityOrder: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'string', enum: [...PRIORITY_CLASSES] } },
    waitWarningMinutes: { type: 'integer', minimum: 5, maximum: 240 },
    noShowLimit: { type: 'object', required: ['count', 'days'], additionalProperties: false, properties: { count: { type: 'integer', minimum: 0, maximum: 20 }, days: { type: 'integer', minimum: 1, maximum: 365 } } },
    bookingDaysAhead: { type: 'integer', minimum: 1, maximum: 62 },
  },
} as const;

const view = { type: 'object', properties: { orgId: { type: 'string' }, settings: queueSettingsSchema, own: { type: 'boolean' }, updatedAt: { type: ['string', 'null'] } } } as const;

export function queueSettingsRoutes(app: FastifyInstance, rt: Runtime): void {
  const inScope = (userOrgId: string, orgId: string) => {
    if (!rt.orgs.get(orgId) || !rt.orgs.scope(userOrgId).has(orgId)) throw new AppError('ORG_NOT_FOUND');
  };

  app.get<{ Params: { id: string } }>(
    '/api/admin/orgs/:id/queue',
    { schema: { tags: ['queue'], summary: '取号叫号设置', params: idParams, response: { 200: view, ...errorResponses } } },
    async (request) => {
      inScope(currentUser(request).orgId, request.params.id);
      return { orgId: request.params.id, ...(await withSql(rt.db, (sql) => readQueueSettings(sql, request.params.id))) };
    },
  );

  app.put<{ Params: { id: string }; Body: Partial<Omit<QueueSettings, 'categories'>> & { categories: (Pick<QueueCategory, 'code' | 'name' | 'prefix'> & Partial<QueueCategory>)[] } }>(
    '/api/admin/orgs/:id/queue',
    { schema: { tags: ['queue'], summary: '设置取号类别、叫号优先顺序、等候超时提醒、爽约限制', params: idParams, body: queueSettingsSchema, response: { 200: view, ...errorResponses } } },
    async (request) => {
      const user = requireRole(request, 'admin', 'head');
      inScope(user.orgId, request.params.id);
      const settings: QueueSettings = {
        ...DEFAULT_QUEUE_SETTINGS,
        ...request.body,
        categories: request.body.categories.map((c) => ({ items: [], windowIds: [], slotCapacity: 0, itemCapacity: {}, ...c })),
      };
      const windows = new Set((await listWindows(rt.db, [request.params.id])).map((w) => w.id));
      const problems = checkQueueSettings(settings, (code) => rt.registry.get(code) !== undefined, (id) => windows.has(id));
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', '取号叫号设置有误', problems);
      await transact(rt.db, (sql) => saveQueueSettings(sql, request.params.id, settings, user.id, rt.now()));
      return { orgId: request.params.id, ...(await withSql(rt.db, (sql) => readQueueSettings(sql, request.params.id))) };
    },
  );
}
