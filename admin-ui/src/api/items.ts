import { api, get, post, query } from './client.ts';
import type { Answer } from './schema.ts';
import type { ItemDefinition, ItemDetail, ItemSummary } from './types.ts';

export const listItems = () => get<ItemSummary[]>('/items');
export const getItem = (code: string, version?: string) =>
  get<ItemDetail>(`/items/${encodeURIComponent(code)}${query({ version })}`);

export const saveDraft = (item: ItemDefinition) => post<Answer<'/api/admin/items', 'post'>>('/admin/items', item);
/** Publishes the item's saved draft as an immutable version. */
export const publishItem = (code: string) => post<Answer<'/api/admin/items/{code}/publish', 'post'>>(`/admin/items/${encodeURIComponent(code)}/publish`);

export type ProcedurePreview = Answer<'/api/admin/procedures/preview', 'post'>;
export const previewProcedure = (procedure: unknown) =>
  post<ProcedurePreview>('/admin/procedures/preview', { procedure });

/** Checks a definition without storing it: every problem as a JSON pointer. */
export const validateItem = (item: ItemDefinition) => post<Answer<'/api/admin/items/validate', 'post'>>('/admin/items/validate', item);

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
  get<Omit<Answer<'/api/admin/items/{code}/overlay', 'get'>, 'overlay'> & { overlay: ItemOverlay | null }>(`/admin/items/${encodeURIComponent(code)}/overlay${query({ orgId })}`);
export const putOverlay = (code: string, orgId: string, overlay: ItemOverlay) =>
  api<{ overlay: ItemOverlay }>('PUT', `/admin/items/${encodeURIComponent(code)}/overlay${query({ orgId })}`, overlay);
