// 台账: the service record of a station or a window (seed 004 附1 四.2① 服务记录台账; seed 000 台账),
// one row per case taken in there in the period — date, number, item, applicant and phone (masked),
// channel, handler and agent, result, delivery, concluded — in the order they came. Read by keyset
// over the index of the cases an organisation took in by time (migration 0050), so a page costs
// its own rows; the exports walk the same pages.
import type { Knex } from 'knex';
import { addCalendarDays, startOfShanghaiDay, type CalendarDate } from '../calendar/index.ts';
import { AppError } from '../errors/index.ts';
import { maskName, maskPhone } from '../privacy/index.ts';
import { decodeCursor, pageLimit, pageOf } from '../supervision/page-cursor.ts';
import { CHANNEL_NAMES, scopedOrg, statsPeriod } from './case-stats.ts';
import type { StatsDeps } from './stats-deps.ts';

export interface LedgerQuery {
  orgId?: string;
  from?: string;
  to?: string;
  windowId?: string;
  cursor?: string;
  limit?: number;
}

export interface LedgerRow {
  caseId: string;
  receivedAt: string;
  number: string;
  itemCode: string;
  itemName: string;
  applicant: string | null;
  phone: string | null;
  channel: string;
  channelName: string;
  /** 经办人: who took it in. */
  handler: string | null;
  /** 代办员: the village agent who took it in, if one did. */
  agent: string | null;
  result: string;
  delivery: string | null;
  concludedAt: string | null;
}

interface Row {
  id: string;
  number: string;
  item_code: string;
  applicant_name: string | null;
  applicant_phone: string | null;
  channel: string;
  state: string;
  received_at: string;
  closed_at: string | null;
  intake_org_id: string;
  handler: string | null;
  decisive: string | null;
  delivered: string | null;
}

export interface LedgerScope {
  org: { id: string; name: string; level: string };
  from: string;
  to: string;
  window: { id: string; name: string } | null;
}

/** The organisation, period and window asked for, checked against what the user may see. */
export async function ledgerScope(deps: StatsDeps, user: { orgId: string }, q: LedgerQuery): Promise<LedgerScope> {
  const org = scopedOrg(deps, user.orgId, q.orgId);
  const { from, to } = statsPeriod(deps.now(), q);
  let window: LedgerScope['window'] = null;
  if (q.windowId) {
    const row = await deps.db('windows').where({ id: q.windowId }).first('id', 'name', 'org_id');
    if (!row || row.org_id !== org.id) throw new AppError('WINDOW_NOT_FOUND', undefined, [{ pointer: '/windowId', message: '该单位没有这个窗口' }]);
    window = { id: row.id, name: row.name };
  }
  return { org: { id: org.id, name: org.name, level: org.level }, from, to, window };
}

const RESULT_NAMES: Record<string, string> = { APPROVE: '准予', DENY: '不予', REFUSE: '不予受理', REFER: '告知转办' };

/** The result as the ledger writes it: the last decision, or where the case stands. */
function resultOf(r: Row): string {
  const top = r.state.split('.')[0];
  if (top === 'withdrawn') return '撤回';
  const [type, to] = (r.decisive ?? '').split(':');
  const decided = type === 'DECIDE' ? (to === 'denied' ? '不予' : '准予') : type ? RESULT_NAMES[type] : undefined;
  if (top === 'concluded') return decided ? `办结（${decided}）` : '办结';
  if (top === 'returned') return decided ?? '退办';
  return decided ? `${decided}，待送达` : '办理中';
}

function query(db: Knex, scope: LedgerScope, after: string[] | null, limit: number) {
  const start = startOfShanghaiDay(scope.from as CalendarDate).toISOString();
  const end = startOfShanghaiDay(addCalendarDays(scope.to as CalendarDate, 1)).toISOString();
  return db('cases as c')
    .leftJoin('users as u', 'u.id', 'c.intake_user_id')
    .where('c.intake_org_id', scope.org.id)
    .where('c.received_at', '>=', start)
    .where('c.received_at', '<', end)
    .modify((b) => {
      if (scope.window) b.whereIn('c.intake_user_id', db('users').where({ window_id: scope.window.id }).select('id'));
      if (after) b.where((w) => w.where('c.received_at', '>', after[0]!).orWhere((x) => x.where('c.received_at', after[0]!).andWhere('c.id', '>', after[1]!)));
    })
    .orderBy([{ column: 'c.received_at' }, { column: 'c.id' }])
    .limit(limit)
    .select(
      'c.id', 'c.number', 'c.item_code', 'c.applicant_name', 'c.applicant_phone', 'c.channel', 'c.state', 'c.received_at', 'c.closed_at', 'c.intake_org_id',
      'u.name as handler',
      db.raw(`(select e.type || ':' || e.to_state from case_events e where e.case_id = c.id and e.type in ('APPROVE', 'DENY', 'DECIDE', 'REFUSE', 'REFER') order by e.seq desc limit 1) as decisive`),
      db.raw(`(select e.payload from case_events e where e.case_id = c.id and e.type = 'DELIVER' order by e.seq desc limit 1) as delivered`),
    ) as unknown as Promise<Row[]>;
}

async function deliveryNames(db: Knex): Promise<Map<string, string>> {
  return new Map((await db('delivery_modes').select('code', 'name')).map((m: { code: string; name: string }) => [m.code, m.name]));
}

function rowOf(deps: StatsDeps, r: Row, modes: Map<string, string>): LedgerRow {
  const village = deps.orgs.get(r.intake_org_id)?.level === 'village';
  let delivery: string | null = null;
  if (r.delivered) {
    const mode = (JSON.parse(r.delivered) as { mode?: string }).mode;
    delivery = mode ? (modes.get(mode) ?? mode) : null;
  }
  return {
    caseId: r.id,
    receivedAt: r.received_at,
    number: r.number,
    itemCode: r.item_code,
    itemName: deps.item(r.item_code)?.name ?? r.item_code,
    applicant: maskName(r.applicant_name),
    phone: maskPhone(r.applicant_phone),
    channel: r.channel,
    channelName: CHANNEL_NAMES[r.channel] ?? r.channel,
    handler: r.handler,
    agent: village || r.channel === 'agent' ? r.handler : null,
    result: resultOf(r),
    delivery,
    concludedAt: r.state === 'concluded' ? r.closed_at : null,
  };
}

/** One page of the ledger. */
export async function ledgerPage(deps: StatsDeps, user: { orgId: string }, q: LedgerQuery): Promise<LedgerScope & { items: LedgerRow[]; nextCursor: string | null }> {
  const scope = await ledgerScope(deps, user, q);
  const limit = pageLimit(q.limit);
  const rows = await query(deps.db, scope, decodeCursor(q.cursor, 2), limit + 1);
  const modes = await deliveryNames(deps.db);
  const page = pageOf(rows, limit, (r) => [r.received_at, r.id]);
  return { ...scope, items: page.items.map((r) => rowOf(deps, r, modes)), nextCursor: page.nextCursor };
}

/** Every row of the ledger, read in keyset pages (the exports stream them). */
export async function* ledgerRows(deps: StatsDeps, scope: LedgerScope, batch = 1_000): AsyncGenerator<LedgerRow> {
  const modes = await deliveryNames(deps.db);
  let after: string[] | null = null;
  for (;;) {
    const rows = await query(deps.db, scope, after, batch);
    for (const r of rows) yield rowOf(deps, r, modes);
    if (rows.length < batch) return;
    after = [rows[rows.length - 1]!.received_at, rows[rows.length - 1]!.id];
  }
}

/** The ledger's columns, as every export writes them. */
export const LEDGER_COLUMNS: { header: string; width: number; value: (r: LedgerRow, n: number, time: (iso: string) => string) => string | number }[] = [
  { header: '序号', width: 6, value: (_r, n) => n },
  { header: '收件时间', width: 17, value: (r, _n, time) => time(r.receivedAt) },
  { header: '办件编号', width: 20, value: (r) => r.number },
  { header: '事项', width: 26, value: (r) => r.itemName },
  { header: '申请人', width: 9, value: (r) => r.applicant ?? '' },
  { header: '联系电话', width: 14, value: (r) => r.phone ?? '' },
  { header: '渠道', width: 7, value: (r) => r.channelName },
  { header: '经办人', width: 10, value: (r) => r.handler ?? '' },
  { header: '代办员', width: 10, value: (r) => r.agent ?? '' },
  { header: '办理结果', width: 14, value: (r) => r.result },
  { header: '送达方式', width: 12, value: (r) => r.delivery ?? '' },
  { header: '办结时间', width: 17, value: (r, _n, time) => (r.concludedAt ? time(r.concludedAt) : '') },
];

/** `2025-03-03 09:00`, Asia/Shanghai. */
export function shanghaiTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
