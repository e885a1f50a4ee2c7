// A page of the cases in a user's scope: the window's queue, sorted by deadline (the most urgent
// first, cases without a deadline after them), with filters.
import type { Knex } from 'knex';
import { AppError } from '../errors/index.ts';
import { caseFromRow } from './case-record.ts';

export interface CaseQuery {
  state?: string;
  itemCode?: string;
  orgId?: string;
  overdue?: boolean;
  open?: boolean;
  q?: string;
  cursor?: string;
  limit?: number;
  /** Only cases sitting at these organisations now (the deciding level's inbox). */
  atOrgIds?: string[];
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw new AppError('VALIDATION_FAILED', '分页游标无效', [{ pointer: '/cursor', message: '无效的游标' }]);
  return offset;
}

export async function listCases(db: Knex, scope: Set<string>, query: CaseQuery, now: Date) {
  const limit = Math.min(query.limit ?? 50, 200);
  const offset = decodeCursor(query.cursor);
  const ids = [...scope];
  const q = db('cases').where((w) => w.whereIn('receiving_org_id', ids).orWhereIn('current_org_id', ids));
  if (query.state) q.andWhere((w) => w.where('state', query.state!).orWhere('state', 'like', `${query.state}.%`));
  if (query.itemCode) q.andWhere('item_code', query.itemCode);
  if (query.orgId) q.andWhere((w) => w.where('receiving_org_id', query.orgId!).orWhere('current_org_id', query.orgId!));
  if (query.atOrgIds) q.whereIn('current_org_id', query.atOrgIds);
  if (query.open !== undefined) q.andWhere('open', query.open);
  if (query.overdue) q.andWhere('open', true).andWhere('due_at', '<', now.toISOString());
  if (query.q) {
    const like = `%${query.q.replace(/[%_]/g, '')}%`;
    q.andWhere((w) => w.where('number', 'like', like).orWhere('applicant_name', 'like', like).orWhere('applicant_phone', 'like', like));
  }
  const rows = await q
    .orderByRaw('case when due_at is null then 1 else 0 end')
    .orderBy([{ column: 'due_at' }, { column: 'received_at', order: 'desc' }, { column: 'id' }])
    .offset(offset)
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(caseFromRow);
  return {
    items: page,
    nextCursor: rows.length > limit ? Buffer.from(String(offset + limit)).toString('base64url') : null,
  };
}
