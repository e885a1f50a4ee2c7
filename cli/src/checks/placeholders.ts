// `plugin new` marks every value a person must write with 待填写. They pass the load-time checks
// on purpose (the scaffold loads from the start), so `check` counts what is left instead.
import type { ItemSource } from '@bianmin/core/plugin-loading';

export const PLACEHOLDER = '待填写';

function count(value: unknown): number {
  if (typeof value === 'string') return value.includes(PLACEHOLDER) ? 1 : 0;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + count(v), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + count(v), 0);
  return 0;
}

export function placeholdersLeft(items: readonly ItemSource[]): { file: string; count: number }[] {
  return items.map((s) => ({ file: s.file, count: count(s.item) })).filter((p) => p.count > 0);
}
