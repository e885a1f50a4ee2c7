// "My work" (API.md "Work lists and messages"): what waits for this user now — the open cases one of
// their roles can act on at their organisation, the most urgent first, in the queue's order — with
// the menu's badges (todo, due soon, overdue, unread messages, supervision's work); and the staff
// inbox the badges point to.
import type { FastifyInstance } from 'fastify';
import { shanghaiDateOf } from '../../calendar/index.ts';
import { caseSummarySchema, listWork, type WorkQuery } from '../../cases/index.ts';
import { AppError } from '../../errors/index.ts';
import { countUnreadInboxMessages, listInboxMessages, markInboxMessageRead } from '../../notify/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { supervisionWork } from '../../supervision/index.ts';
import { currentUser } from '../authentication.ts';
import { errorResponses } from '../schemas.ts';
import { queueScope, summaries } from './cases.ts';

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;

const inboxMessage = {
  type: 'object',
  properties: {
    id: int, userId: { ...nstr, description: '收件人（null：办件所在单位的消息）' }, caseId: nstr, title: str, body: str, readAt: nstr, createdAt: str,
    link: { type: ['object', 'null'], properties: { kind: str, id: str } },
  },
} as const;

export function worklistRoutes(app: FastifyInstance, rt: Runtime): void {
  /** Organisation-wide messages (no user) about the cases now at the user's organisations. */
  const inboxScope = (userId: string, orgId: string) => ({
    userId,
    caseIds: rt.db('cases').select('id').whereIn('current_org_id', [...rt.orgs.scope(orgId)]),
  });

  app.get<{ Querystring: WorkQuery }>(
    '/api/worklist',
    {
      schema: {
        tags: ['cases'],
        summary: '我的待办：现在等我办理的办件（最紧急的在前）与菜单角标计数',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            below: { type: 'boolean', description: '也列出下级单位等待办理的办件（默认只看本单位）' },
            cursor: { type: 'string', maxLength: 200 },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['counts', 'items', 'nextCursor'],
            properties: {
              counts: {
                type: 'object',
                required: ['todo', 'dueSoon', 'overdue', 'inbox', 'rectifications', 'refusals', 'requests'],
                properties: {
                  todo: { ...int, description: '等我办理的在办件' },
                  dueSoon: { ...int, description: '其中至迟下一个工作日到期（黄灯）' },
                  overdue: { ...int, description: '其中已超期（即办件：超过办结目标）' },
                  inbox: { ...int, description: '未读消息（计到 100）' },
                  rectifications: { ...int, description: '差评整改工单待办' },
                  refusals: { ...int, description: '否定报备待审' },
                  requests: { ...int, description: '办不成事待答复' },
                },
              },
              items: { type: 'array', items: caseSummarySchema },
              nextCursor: nstr,
              tasks: {
                type: 'array',
                description: '监督待办（整改工单、否定报备、办不成事），最多 20 条',
                items: { type: 'object', properties: { kind: str, id: str, title: str, dueAt: nstr, overdue: { type: 'boolean' } } },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const now = rt.now();
      // Due soon: at most one working day left, as the yellow light — due by the end of the next working day (inclusive).
      const dueSoonBy = new Date(rt.calendar.calendar().dueAt(shanghaiDateOf(now), 1).getTime() + 1);
      const [work, inbox, supervision] = await Promise.all([
        listWork(rt.db, queueScope(rt, user.orgId), user.roles, request.query, now, dueSoonBy),
        countUnreadInboxMessages(rt.db, inboxScope(user.id, user.orgId)),
        supervisionWork(rt.supervision, user),
      ]);
      return {
        counts: {
          todo: work.page.total,
          dueSoon: work.dueSoon,
          overdue: work.overdue,
          inbox,
          rectifications: supervision.rectifications,
          refusals: supervision.refusals,
          requests: supervision.requests,
        },
        items: summaries(rt, work.page.items),
        nextCursor: work.page.nextCursor,
        tasks: supervision.items,
      };
    },
  );

  app.get<{ Querystring: { unread?: boolean; limit?: number } }>(
    '/api/inbox',
    {
      schema: {
        tags: ['cases'],
        summary: '我的消息（超期预警、整改分派、上报退回、待录入的工作日历……），最新的在前',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { unread: { type: 'boolean' }, limit: { type: 'integer', minimum: 1, maximum: 200 } },
        },
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: inboxMessage } } }, ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const items = await listInboxMessages(rt.db, { ...inboxScope(user.id, user.orgId), unreadOnly: request.query.unread ?? false, limit: request.query.limit ?? 50 });
      return { items };
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/inbox/:id/read',
    {
      schema: {
        tags: ['cases'],
        summary: '标记消息已读',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } },
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      if (!(await markInboxMessageRead(rt.db, request.params.id, inboxScope(user.id, user.orgId), rt.now()))) throw new AppError('NOT_FOUND', '没有这条未读消息');
      return { ok: true };
    },
  );
}
