import { get, post } from './client.ts';
import type { CaseView, ItemDetail, ItemSummary, NewCase } from './types.ts';

export const listPublicItems = () => get<ItemSummary[]>('/public/items');
export const getPublicItem = (code: string) => get<ItemDetail>(`/public/items/${encodeURIComponent(code)}`);

export const findPublicCase = (number: string, phone4: string) =>
  get<CaseView & { evaluated?: boolean; evaluation?: unknown }>(
    `/public/cases/${encodeURIComponent(number)}?phone=${encodeURIComponent(phone4)}`,
  );

export const evaluateCase = (number: string, phone4: string, level: number, comment?: string) =>
  post(`/public/cases/${encodeURIComponent(number)}/evaluation`, { phone4, level, comment });

export const applyOnline = (body: Omit<NewCase, 'channel'>) => post<CaseView>('/public/applications', body);
