import { get, post } from './client.ts';
import type { Answer } from './schema.ts';
import type { CaseView, ItemDetail, ItemSummary, NewCase } from './types.ts';

export const listPublicItems = () => get<ItemSummary[]>('/public/items');
export const getPublicItem = (code: string) => get<ItemDetail>(`/public/items/${encodeURIComponent(code)}`);

export const findPublicCase = (number: string, phone4: string) =>
  get<CaseView>(
    `/public/cases/${encodeURIComponent(number)}?phone=${encodeURIComponent(phone4)}`,
  );

export const evaluateCase = (number: string, phone4: string, level: number, comment?: string) =>
  post(`/public/cases/${encodeURIComponent(number)}/evaluation`, { phone4, level, comment });

export type PublicOrg = Answer<'/api/public/orgs', 'get'>[number];
export const listPublicOrgs = () => get<PublicOrg[]>('/public/orgs');

export const applyOnline = (body: Pick<NewCase, 'itemCode' | 'data' | 'materials'> & { orgId: string }) =>
  post<Answer<'/api/public/applications', 'post'>>('/public/applications', body);
