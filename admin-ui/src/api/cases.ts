import { get, post, query } from './client.ts';
import type { CaseView, NewCase } from './types.ts';

export interface CaseFilter {
  state?: string;
  itemCode?: string;
  orgId?: string;
  overdue?: boolean;
  /** Only cases now at the user's own organisation (the reported-case inbox). */
  inbox?: boolean;
  q?: string;
  cursor?: string;
}

export interface CasePage {
  items: CaseView[];
  nextCursor?: string | null;
  /** Every case the filter matches, not only this page's. */
  total?: number;
  totalCapped?: boolean;
}

/** The list route returns "a page of cases"; accept a bare array or `{ items|cases, nextCursor|cursor }`. */
export function toPage(body: unknown): CasePage {
  if (Array.isArray(body)) return { items: body as CaseView[] };
  const o = (body ?? {}) as Record<string, unknown>;
  const items = (o.items ?? o.cases ?? o.data ?? []) as CaseView[];
  const next = (o.nextCursor ?? o.cursor ?? null) as string | null;
  return { items, nextCursor: next, ...(typeof o.total === 'number' ? { total: o.total, totalCapped: Boolean(o.totalCapped) } : {}) };
}

export async function listCases(filter: CaseFilter): Promise<CasePage> {
  return toPage(await get<unknown>(`/cases${query({ ...filter, overdue: filter.overdue ? true : undefined })}`));
}

export const getCase = (id: string) => get<CaseView>(`/cases/${encodeURIComponent(id)}`);
export const createCase = (body: NewCase) => post<CaseView>('/cases', body);

export function sendEvent(c: CaseView, type: string, payload?: Record<string, unknown>): Promise<CaseView> {
  return post<CaseView>(`/cases/${encodeURIComponent(c.id)}/events`, {
    type,
    ...(payload ? { payload } : {}),
    ...(c.version !== undefined ? { expectedVersion: c.version } : {}),
  });
}

export interface WorkCounts {
  todo: number;
  dueSoon: number;
  overdue: number;
  inbox: number;
  rectifications: number;
  refusals: number;
  requests: number;
}

export interface WorkList {
  counts: WorkCounts;
  items: CaseView[];
  nextCursor: string | null;
  tasks?: { kind: string; id: string; title: string; dueAt: string | null; overdue: boolean }[];
}

/** What waits for this user now, the most urgent first, with the menu's badges. */
export const getWorklist = (cursor?: string, limit?: number) => get<WorkList>(`/worklist${query({ cursor, limit })}`);

export interface InboxMessage {
  id: number;
  caseId: string | null;
  title: string;
  body: string;
  readAt: string | null;
  createdAt: string;
  link: { kind: string; id: string } | null;
}

export const listInbox = () => get<{ items: InboxMessage[] }>('/inbox');
export const markRead = (id: number) => post<{ ok: boolean }>(`/inbox/${id}/read`);

/** The working-day calendar years still to be entered (admins). */
export const getCalendarStatus = () => get<{ missing: { year: number; message: string }[] }>('/admin/calendar-status');
