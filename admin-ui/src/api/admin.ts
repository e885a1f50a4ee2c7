// The administration API; answers and bodies typed from the OpenAPI (schema.ts).
import { get, post, put } from './client.ts';
import type { Answer, Body } from './schema.ts';
import type { DeliveryMode, Org, Seal, User } from './types.ts';

export const listSeals = () => get<Seal[]>('/admin/seals');
export const createSeal = (s: Body<'/api/admin/seals', 'post'>) => post<Seal>('/admin/seals', s);
export const stampPath = (id: string) => `/admin/seals/${encodeURIComponent(id)}/stamp.svg`;

export const listDeliveryModes = () => get<DeliveryMode[]>('/admin/delivery-modes');
export const createDeliveryMode = (d: Body<'/api/admin/delivery-modes', 'post'>) => post<DeliveryMode>('/admin/delivery-modes', d);

export const listOrgs = () => get<Org[]>('/admin/orgs');
export const createOrg = (o: Body<'/api/admin/orgs', 'post'>) => post<Org>('/admin/orgs', o);
export type ServiceWindow = Answer<'/api/admin/windows', 'post'>;
export const listWindows = () => get<ServiceWindow[]>('/admin/windows');
export const createWindow = (w: Body<'/api/admin/windows', 'post'>) => post<ServiceWindow>('/admin/windows', w);

export const listUsers = () => get<User[]>('/admin/users');
export const createUser = (u: Body<'/api/admin/users', 'post'>) => post<User>('/admin/users', u);

/** One year's exceptions to the Monday–Friday week (core YearCalendar), as the server answers it. */
export type CalendarYear = Answer<'/api/admin/calendar/{year}', 'get'>;
export type CalendarDay = CalendarYear['days'][number];
export const getCalendar = (year: number) => get<CalendarYear>(`/admin/calendar/${year}`);
export const putCalendar = (c: Pick<CalendarYear, 'year' | 'days'> & { region?: string }) => put<CalendarYear>(`/admin/calendar/${c.year}`, c);

export type PluginsReport = Answer<'/api/plugins', 'get'>;
export const listPlugins = () => get<PluginsReport>('/plugins');
