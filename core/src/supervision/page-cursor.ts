// Keyset pages: a cursor is the sort key of the last row shown, so the next page starts at an index
// position instead of skipping `offset` rows (a page costs its own rows, not what came before).
import { AppError } from '../errors/index.ts';

export interface PageQuery {
  cursor?: string;
  limit?: number;
}

export function pageLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? 50, 1), 200);
}

export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The cursor's `n` values; a cursor that is not one of ours is a 400 naming the field. */
export function decodeCursor(cursor: string | undefined, n: number): string[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === n && values.every((v) => typeof v === 'string')) return values as string[];
  } catch {
    // fall through: not ours
  }
  throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ pointer: '/cursor', message: '无效的游标' }]);
}

/** The page of `rows` (fetched with limit + 1) and the cursor to the next one. */
export function pageOf<T>(rows: T[], limit: number, key: (row: T) => string[]): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(key(items[items.length - 1]!)) : null };
}
