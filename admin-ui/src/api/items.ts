import { api, get, post, query } from './client.ts';
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

/** A township's own settings over an item (promised days within the legal limit, seals, delivery, fee, windows). */
export interface ItemOverlay {
  promisedDays?: number;
  documents?: { kind: string; seal?: string; sealKind?: string; title?: string }[];
  deliveryModes?: string[];
  fee?: { charged: boolean; amount?: number; description: string };
  windows?: string[];
}
export const getOverlay = (code: string, orgId: string) =>
  get<{ orgId: string; itemCode: string; overlay: ItemOverlay | null }>(`/admin/items/${encodeURIComponent(code)}/overlay${query({ orgId })}`);
export const putOverlay = (code: string, orgId: string, overlay: ItemOverlay) =>
  api<{ overlay: ItemOverlay }>('PUT', `/admin/items/${encodeURIComponent(code)}/overlay${query({ orgId })}`, overlay);
