import { get, post, query } from './client.ts';
import type { ItemDefinition, ItemDetail, ItemSummary } from './types.ts';

export const listItems = () => get<ItemSummary[]>('/items');
export const getItem = (code: string, version?: string) =>
  get<ItemDetail>(`/items/${encodeURIComponent(code)}${query({ version })}`);

export const saveDraft = (item: ItemDefinition) => post<{ code: string; version: string }>('/admin/items', item);
export const publishItem = (code: string, version: string) =>
  post<{ code: string; version: string }>(`/admin/items/${encodeURIComponent(code)}/publish`, { version });

export interface ProcedurePreview {
  config?: Record<string, unknown>;
  problems?: unknown[];
}
export const previewProcedure = (procedure: unknown) =>
  post<ProcedurePreview>('/admin/procedures/preview', { procedure });

/** Checks a definition without storing it (`?dryRun=1`; asked of the server in the UI's report). */
export const validateItem = (item: ItemDefinition) => post<unknown>('/admin/items?dryRun=1', item);
