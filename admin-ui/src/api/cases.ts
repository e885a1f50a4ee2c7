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
}

/** The list route returns "a page of cases"; accept a bare array or `{ items|cases, nextCursor|cursor }`. */
export function toPage(body: unknown): CasePage {
  if (Array.isArray(body)) return { items: body as CaseView[] };
  const o = (body ?? {}) as Record<string, unknown>;
  const items = (o.items ?? o.cases ?? o.data ?? []) as CaseView[];
  const next = (o.nextCursor ?? o.cursor ?? null) as string | null;
  return { items, nextCursor: next };
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
