import { get, post, query } from './client.ts';
import type { ItemDefinition, ItemDetail, ItemSummary } from './types.ts';

export const listItems = () => get<ItemSummary[]>('/items');
export const getItem = (code: string, version?: string) =>
  get<ItemDetail>(`/items/${encodeURIComponent(code)}${query({ version })}`);

export const saveDraft = (item: ItemDefinition) => post<{ code: string; version: string }>('/admin/items', item);
/** Publishes the item's saved draft as an immutable version. */
export const publishItem = (code: string) => post<{ code: string; version: string }>(`/admin/items/${encodeURIComponent(code)}/publish`);

export interface ProcedurePreview {
  config?: Record<string, unknown>;
  problems?: unknown[];
}
export const previewProcedure = (procedure: unknown) =>
  post<ProcedurePreview>('/admin/procedures/preview', { procedure });

/** Checks a definition without storing it: every problem as a JSON pointer. */
export const validateItem = (item: ItemDefinition) => post<{ problems?: unknown[] }>('/admin/items/validate', item);

/** Saved, unpublished definitions. */
export const listDrafts = () => get<(ItemDefinition & { status?: string; createdAt?: string })[]>('/admin/items/drafts');
