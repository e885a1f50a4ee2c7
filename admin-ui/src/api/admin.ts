import { get, post, put } from './client.ts';
import type { DeliveryMode, Org, PluginStatus, Seal, User } from './types.ts';

/** Lists may come bare or wrapped (`{ items: [...] }`); the pages only want the array. */
export function toList<T>(body: unknown, key?: string): T[] {
  if (Array.isArray(body)) return body as T[];
  const o = (body ?? {}) as Record<string, unknown>;
  const list = (key ? o[key] : undefined) ?? o.items ?? o.data ?? [];
  return Array.isArray(list) ? (list as T[]) : [];
}

export const listSeals = async () => toList<Seal>(await get('/admin/seals'), 'seals');
export const createSeal = (s: Partial<Seal>) => post<Seal>('/admin/seals', s);
export const stampPath = (id: string) => `/admin/seals/${encodeURIComponent(id)}/stamp.svg`;

export const listDeliveryModes = async () => toList<DeliveryMode>(await get('/admin/delivery-modes'), 'modes');
export const createDeliveryMode = (d: DeliveryMode) => post<DeliveryMode>('/admin/delivery-modes', d);

export const listOrgs = async () => toList<Org>(await get('/admin/orgs'), 'orgs');
export const createOrg = (o: Partial<Org>) => post<Org>('/admin/orgs', o);
export interface ServiceWindow {
  id: string;
  orgId: string;
  name: string;
  kind: 'general' | 'department';
}
export const listWindows = async () => toList<ServiceWindow>(await get('/admin/windows'), 'windows');
export const createWindow = (w: Omit<ServiceWindow, 'id'>) => post<ServiceWindow>('/admin/windows', w);

export const listUsers = async () => toList<User>(await get('/admin/users'), 'users');
export const createUser = (u: Partial<User> & { password?: string }) => post<User>('/admin/users', u);

/** One year's exceptions to the Monday–Friday week (core YearCalendar). */
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name?: string;
}
export interface CalendarYear {
  year: number;
  region?: string;
  days: CalendarDay[];
}
export const getCalendar = (year: number) => get<CalendarYear>(`/admin/calendar/${year}`);
export const putCalendar = (c: CalendarYear) => put<CalendarYear>(`/admin/calendar/${c.year}`, c);

export interface PluginsReport {
  loaded: PluginStatus[];
  refused: PluginStatus[];
}
export async function listPlugins(): Promise<PluginsReport> {
  const body = await get<unknown>('/plugins');
  if (Array.isArray(body)) {
    const all = body as PluginStatus[];
    return { loaded: all.filter((p) => p.status !== 'refused'), refused: all.filter((p) => p.status === 'refused') };
  }
  const o = (body ?? {}) as Partial<PluginsReport>;
  return { loaded: o.loaded ?? [], refused: o.refused ?? [] };
}
