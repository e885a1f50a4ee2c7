// An organisation's queue settings: the categories tickets and appointments are taken in (each with
// its ticket prefix, its items, the windows that serve it and an appointment slot's capacity), the
// order in which a window's "next" takes the kinds of ticket (priority rules as data), the waiting
// time that raises a warning, and how many no-shows bar online booking for a while.
import type { ErrorDetail } from '../errors/index.ts';
import { readJson, writeJson, type Sql } from '../store/index.ts';

/** transfer: sent on by another window; green: 绿色通道 (老弱病残孕军); appointment: a checked-in booking. */
export const PRIORITY_CLASSES = ['transfer', 'green', 'appointment', 'normal'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];
export const PRIORITY_LABELS: Record<PriorityClass, string> = { transfer: '转窗', green: '绿色通道', appointment: '预约', normal: '普通' };

export const GREEN_REASONS = { elderly: '老年人', disabled: '残疾人', pregnant: '孕妇', military: '军人', sick: '病患' } as const;
export type GreenReason = keyof typeof GREEN_REASONS;

export interface QueueCategory {
  code: string;
  name: string;
  /** The ticket's letter: A012. */
  prefix: string;
  /** Items taken in this category; [] = every item no other category names. */
  items: string[];
  /** Windows that serve it; [] = every window of the organisation. */
  windowIds: string[];
  /** Appointments per slot in this category; 0 = not bookable. */
  slotCapacity: number;
  /** Appointments per slot for one item, below the category's. */
  itemCapacity: Record<string, number>;
}

export interface QueueSettings {
  categories: QueueCategory[];
  /** The order "next" takes the kinds of ticket in; within a kind, the earliest issued first. */
  priorityOrder: PriorityClass[];
  /** A ticket waiting longer than this raises a warning to the centre. */
  waitWarningMinutes: number;
  /** No-shows (within `days`) after which online and phone booking is refused; count 0 = no limit. */
  noShowLimit: { count: number; days: number };
  /** How far ahead appointments may be booked. */
  bookingDaysAhead: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  categories: [{ code: 'general', name: '综合业务', prefix: 'A', items: [], windowIds: [], slotCapacity: 4, itemCapacity: {} }],
  priorityOrder: ['transfer', 'green', 'appointment', 'normal'],
  waitWarningMinutes: 30,
  noShowLimit: { count: 3, days: 90 },
  bookingDaysAhead: 14,
};

export function checkQueueSettings(q: QueueSettings, itemExists: (code: string) => boolean, windowOfOrg: (id: string) => boolean): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const codes = new Set<string>();
  const prefixes = new Set<string>();
  const items = new Map<string, number>();
  let catchAll = 0;
  q.categories.forEach((c, i) => {
    if (codes.has(c.code)) problems.push({ pointer: `/categories/${i}/code`, message: '类别编码重复' });
    if (prefixes.has(c.prefix)) problems.push({ pointer: `/categories/${i}/prefix`, message: '号码字头重复' });
    codes.add(c.code);
    prefixes.add(c.prefix);
    if (c.items.length === 0) catchAll += 1;
    c.items.forEach((code, j) => {
      if (!itemExists(code)) problems.push({ pointer: `/categories/${i}/items/${j}`, message: `事项 ${code} 不存在` });
      else if (items.has(code)) problems.push({ pointer: `/categories/${i}/items/${j}`, message: `事项 ${code} 已归入其他类别` });
      items.set(code, i);
    });
    c.windowIds.forEach((id, j) => {
      if (!windowOfOrg(id)) problems.push({ pointer: `/categories/${i}/windowIds/${j}`, message: '窗口不存在或不属于本单位' });
    });
    for (const [code, n] of Object.entries(c.itemCapacity)) {
      if (c.items.length > 0 && !c.items.includes(code)) problems.push({ pointer: `/categories/${i}/itemCapacity/${code}`, message: '该事项不属于本类别' });
      else if (!itemExists(code)) problems.push({ pointer: `/categories/${i}/itemCapacity/${code}`, message: `事项 ${code} 不存在` });
      else if (n > c.slotCapacity) problems.push({ pointer: `/categories/${i}/itemCapacity/${code}`, message: '不能超过本类别每时段的预约数' });
    }
  });
  if (catchAll > 1) problems.push({ pointer: '/categories', message: '只能有一个不限事项的类别' });
  if (new Set(q.priorityOrder).size !== PRIORITY_CLASSES.length) problems.push({ pointer: '/priorityOrder', message: '应列出全部四类号（转窗、绿色通道、预约、普通）各一次' });
  return problems;
}

/** The category of an item: the one naming it, else the one for every item. */
export function categoryOfItem(q: QueueSettings, itemCode: string): QueueCategory | undefined {
  return q.categories.find((c) => c.items.includes(itemCode)) ?? q.categories.find((c) => c.items.length === 0);
}

export async function readQueueSettings(sql: Sql, orgId: string): Promise<{ settings: QueueSettings; own: boolean; updatedAt: string | null }> {
  const row = await sql.first<{ config: unknown; updated_at: string }>('select config, updated_at from queue_settings where org_id = ?', [orgId]);
  if (!row) return { settings: DEFAULT_QUEUE_SETTINGS, own: false, updatedAt: null };
  return { settings: { ...DEFAULT_QUEUE_SETTINGS, ...readJson<QueueSettings>(row.config) }, own: true, updatedAt: row.updated_at };
}

export async function saveQueueSettings(sql: Sql, orgId: string, settings: QueueSettings, userId: string, at: Date): Promise<void> {
  await sql.run(
    `insert into queue_settings (org_id, config, updated_by, updated_at) values (?, ?, ?, ?)
     on conflict (org_id) do update set config = excluded.config, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [orgId, writeJson(settings), userId, at.toISOString()],
  );
}
