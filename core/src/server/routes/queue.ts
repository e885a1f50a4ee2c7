// Queue ticketing: the kiosk's ticket (and what it offers), staff tickets, a window's "next", the
// ticket's start/finish/no-show/transfer/recall, the window's open/paused state, and the lobby board,
// also as server-sent events.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors/index.ts';
import {
  GREEN_REASONS, TICKET_EVENTS, TICKET_STATUSES, callNext, issueTicket, listTickets, listWindowStates, readBoard, readQueueSettings, sendTicketEvent,
  setWindowStatus, type BoardCall, type NewTicket, type TicketEvent, type TicketStatus,
} from '../../queue/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { withSql } from '../../store/index.ts';
import { currentUser, requireRole } from '../authentication.ts';
import { errorResponses, idParams } from '../schemas.ts';
import { bool, int, nint, nstr, ref, str } from './supervision-schemas.ts';

export const ticketSchema = {
  type: 'object',
  properties: {
    id: str, number: str, org: ref, day: str, category: str, categoryName: str, itemCode: nstr, itemName: nstr, priority: str, priorityLabel: str, greenReason: nstr,
    appointmentId: nstr, status: str, statusLabel: str, windowId: nstr, targetWindowId: nstr, issuedAt: str, calledAt: nstr, callCount: int, startedAt: nstr, finishedAt: nstr,
    caseId: nstr, waitSeconds: nint, handleSeconds: nint, ahead: int, actions: { type: 'array', items: str },
  },
} as const;

const windowState = {
  type: 'object',
  properties: {
    id: str, orgId: str, name: str, kind: str, status: str, reason: nstr, since: nstr, categories: { type: 'array', items: str },
    current: { type: ['object', 'null'], properties: { id: str, number: str, status: str, calledAt: nstr, priorityLabel: str } },
  },
} as const;

const boardSchema = {
  type: 'object',
  properties: {
    org: ref, at: str,
    windows: { type: 'array', items: { type: 'object', properties: { id: str, name: str, status: str, reason: nstr, current: { type: ['object', 'null'], properties: { number: str, status: str } } } } },
    calls: { type: 'array', items: { type: 'object', properties: { number: str, windowName: str, at: str, recall: bool } } },
    waiting: { type: 'object', properties: { total: int, categories: { type: 'array', items: { type: 'object', properties: { code: str, name: str, prefix: str, waiting: int } } } } },
  },
} as const;

const ticketBody = {
  type: 'object', required: ['orgId'], additionalProperties: false,
  properties: {
    orgId: { type: 'string', minLength: 1, maxLength: 64 },
    category: { type: 'string', minLength: 1, maxLength: 40 },
    itemCode: { type: 'string', minLength: 1, maxLength: 80 },
    appointmentNumber: { type: 'string', pattern: '^\\d{7,8}$' },
    priority: { type: 'string', enum: Object.keys(GREEN_REASONS), description: '绿色通道：老年人、残疾人、孕妇、军人、病患' },
  },
} as const;
const orgParams = { type: 'object', required: ['orgId'], properties: { orgId: { type: 'string', minLength: 1, maxLength: 64 } } } as const;
const windowParams = { type: 'object', required: ['windowId'], properties: { windowId: { type: 'string', minLength: 1, maxLength: 64 } } } as const;

/** Board streams re-read the board at least this often: a call made by another server process reaches them too. */
const BOARD_REFRESH_MS = 5_000;
const HEARTBEAT_MS = 15_000;

export function queueRoutes(app: FastifyInstance, rt: Runtime): void {
  const q = rt.queue;
  const staff = (request: Parameters<typeof currentUser>[0]) => requireRole(request, 'clerk', 'agent', 'head', 'admin', 'approver');

  app.get<{ Params: { orgId: string } }>(
    '/api/public/queue/:orgId/kiosk',
    {
      schema: {
        tags: ['public'], summary: '自助取号机：可取号的业务类别和事项', params: orgParams,
        response: {
          200: {
            type: 'object',
            properties: {
              org: ref,
              categories: { type: 'array', items: { type: 'object', properties: { code: str, name: str, prefix: str, items: { type: 'array', items: { type: 'object', properties: { code: str, name: str } } } } } },
              greenReasons: { type: 'array', items: { type: 'object', properties: { code: str, label: str } } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const org = rt.orgs.get(request.params.orgId);
      if (!org) throw new AppError('ORG_NOT_FOUND');
      const { settings } = await withSql(rt.db, (sql) => readQueueSettings(sql, org.id));
      const named = new Set(settings.categories.flatMap((c) => c.items));
      const all = rt.registry.list().map((e) => ({ code: e.definition.code, name: e.definition.name }));
      return {
        org: { id: org.id, name: org.name },
        categories: settings.categories.map((c) => ({
          code: c.code, name: c.name, prefix: c.prefix,
          items: c.items.length > 0 ? all.filter((i) => c.items.includes(i.code)) : all.filter((i) => !named.has(i.code)),
        })),
        greenReasons: Object.entries(GREEN_REASONS).map(([code, label]) => ({ code, label })),
      };
    },
  );

  app.post<{ Body: NewTicket }>(
    '/api/public/queue/tickets',
    { schema: { tags: ['public'], summary: '自助取号（按类别或事项；预约号签到取号；绿色通道）', body: ticketBody, response: { 201: ticketSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await issueTicket(q, null, request.body)),
  );

  app.post<{ Body: NewTicket }>(
    '/api/queue/tickets',
    { schema: { tags: ['queue'], summary: '导办人员代取号', body: ticketBody, response: { 201: ticketSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await issueTicket(q, staff(request), request.body)),
  );

  app.get<{ Querystring: { orgId?: string; status?: TicketStatus; windowId?: string; limit?: number } }>(
    '/api/queue/tickets',
    {
      schema: {
        tags: ['queue'], summary: '今日排队号（按叫号顺序）',
        querystring: {
          type: 'object', additionalProperties: false,
          properties: { orgId: { type: 'string', maxLength: 64 }, status: { type: 'string', enum: Object.keys(TICKET_STATUSES) }, windowId: { type: 'string', maxLength: 64 }, limit: { type: 'integer', minimum: 1, maximum: 200 } },
        },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: ticketSchema } } }, ...errorResponses },
      },
    },
    async (request) => listTickets(q, currentUser(request), request.query),
  );

  app.post<{ Params: { windowId: string } }>(
    '/api/queue/windows/:windowId/call-next',
    {
      schema: {
        tags: ['queue'], summary: '叫下一号', params: windowParams,
        response: { 200: { type: 'object', properties: { ticket: { anyOf: [ticketSchema, { type: 'null' }] }, waiting: int } }, ...errorResponses },
      },
    },
    async (request) => callNext(q, staff(request), request.params.windowId),
  );

  app.post<{ Params: { id: string }; Body: { type: TicketEvent; caseId?: string; toWindowId?: string } }>(
    '/api/queue/tickets/:id/events',
    {
      schema: {
        tags: ['queue'], summary: '开始办理、办理完毕、过号、转窗、重呼', params: idParams,
        body: {
          type: 'object', required: ['type'], additionalProperties: false,
          properties: { type: { type: 'string', enum: Object.keys(TICKET_EVENTS) }, caseId: { type: 'string', minLength: 1, maxLength: 80 }, toWindowId: { type: 'string', minLength: 1, maxLength: 64 } },
        },
        response: { 200: ticketSchema, ...errorResponses },
      },
    },
    async (request) => sendTicketEvent(q, staff(request), request.params.id, request.body),
  );

  app.get<{ Querystring: { orgId?: string } }>(
    '/api/queue/windows',
    {
      schema: {
        tags: ['queue'], summary: '窗口状态（开放、暂停服务）与当前号',
        querystring: { type: 'object', additionalProperties: false, properties: { orgId: { type: 'string', maxLength: 64 } } },
        response: { 200: { type: 'array', items: windowState }, ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      if (request.query.orgId && !rt.orgs.scope(user.orgId).has(request.query.orgId)) throw new AppError('ORG_NOT_FOUND');
      return listWindowStates(q, user, request.query.orgId);
    },
  );

  app.put<{ Params: { id: string }; Body: { status: 'open' | 'paused'; reason?: string } }>(
    '/api/queue/windows/:id/status',
    {
      schema: {
        tags: ['queue'], summary: '窗口开放或暂停服务（须说明原因）', params: idParams,
        body: { type: 'object', required: ['status'], additionalProperties: false, properties: { status: { type: 'string', enum: ['open', 'paused'] }, reason: { type: 'string', maxLength: 200 } } },
        response: { 200: windowState, ...errorResponses },
      },
    },
    async (request) => setWindowStatus(q, staff(request), request.params.id, request.body.status, request.body.reason),
  );

  app.get<{ Params: { orgId: string } }>(
    '/api/public/queue/:orgId/board',
    { schema: { tags: ['public'], summary: '大厅叫号屏', params: orgParams, response: { 200: boardSchema, ...errorResponses } } },
    async (request) => readBoard(q, request.params.orgId),
  );

  app.get<{ Params: { orgId: string } }>(
    '/api/public/queue/:orgId/board/stream',
    {
      schema: {
        tags: ['public'], summary: '大厅叫号屏（server-sent events：board 为整屏数据，call 为叫号播报）', params: orgParams,
        response: { 200: { type: 'string', description: 'text/event-stream' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const orgId = request.params.orgId;
      const first = await readBoard(q, orgId); // 404 before the stream starts
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      let closed = false;
      let reading = false;
      let again = false;
      const write = (event: string, data: unknown) => {
        if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      // Changes that come while the board is being read are coalesced into one more read.
      const refresh = async () => {
        if (reading) {
          again = true;
          return;
        }
        reading = true;
        try {
          do {
            again = false;
            write('board', await readBoard(q, orgId));
          } while (again && !closed);
        } catch (err) {
          request.log.error(err);
        } finally {
          reading = false;
        }
      };
      const unsubscribe = q.board.subscribe(orgId, (call: BoardCall | undefined) => {
        if (call) write('call', call);
        void refresh();
      });
      const timers = [setInterval(() => void refresh(), BOARD_REFRESH_MS), setInterval(() => !closed && res.write(': 心跳\n\n'), HEARTBEAT_MS)];
      request.raw.on('close', () => {
        closed = true;
        unsubscribe();
        for (const t of timers) clearInterval(t);
      });
      res.write('retry: 2000\n\n');
      write('board', first);
    },
  );
}
