// Reading the in-app inbox the `inbox` channel writes to. A message without a user belongs to
// the case's organisation: whoever may see the case sees it, and one reader marks it read for all.
import type { Knex } from 'knex';

export interface InboxMessage {
  id: number;
  userId: string | null;
  caseId: string | null;
  title: string;
  body: string;
  readAt: string | null;
  createdAt: string;
  /** What the message is about beside a case (a rectification, a calendar year …), when it says. */
  link: { kind: string; id: string } | null;
}

export interface InboxQuery {
  userId: string;
  /**
   * Cases whose organisation-wide messages this user sees: ids, or a subquery selecting them
   * (e.g. the cases in the user's organisations). Without it, only the user's own messages.
   */
  caseIds?: readonly string[] | Knex.QueryBuilder;
  unreadOnly?: boolean;
  limit?: number;
}

interface Row {
  id: number;
  user_id: string | null;
  case_id: string | null;
  title: string;
  body: string;
  read_at: string | null;
  created_at: string;
  link_kind: string | null;
  link_id: string | null;
}

/** Newest first. */
export async function listInboxMessages(db: Knex, query: InboxQuery): Promise<InboxMessage[]> {
  const rows = await visibleTo(db('inbox_messages'), query)
    .modify((q) => {
      if (query.unreadOnly) q.whereNull('read_at');
    })
    .orderBy('id', 'desc')
    .limit(query.limit ?? 50);
  return (rows as Row[]).map((r) => ({
    id: r.id,
    userId: r.user_id,
    caseId: r.case_id,
    title: r.title,
    body: r.body,
    readAt: r.read_at,
    createdAt: r.created_at,
    link: r.link_kind && r.link_id ? { kind: r.link_kind, id: r.link_id } : null,
  }));
}

/** Unread messages the user can see, counted up to `cap` (a badge says 99+, not the exact number). */
export async function countUnreadInboxMessages(db: Knex, query: Pick<InboxQuery, 'userId' | 'caseIds'>, cap = 100): Promise<number> {
  const row = await db
    .from(visibleTo(db('inbox_messages').whereNull('read_at').select('id').limit(cap), query).as('unread'))
    .count({ n: '*' })
    .first();
  return Number(row?.n ?? 0);
}

/** Marks one message the user can see as read; false when there is no such unread message. */
export async function markInboxMessageRead(
  db: Knex,
  id: number,
  query: Pick<InboxQuery, 'userId' | 'caseIds'>,
  now: Date = new Date(),
): Promise<boolean> {
  const updated = await visibleTo(db('inbox_messages').where({ id }).whereNull('read_at'), query).update({ read_at: now.toISOString() });
  return updated === 1;
}

function visibleTo(builder: Knex.QueryBuilder, query: Pick<InboxQuery, 'userId' | 'caseIds'>): Knex.QueryBuilder {
  const { userId, caseIds } = query;
  return builder.where((w) => {
    w.where('user_id', userId);
    if (caseIds) w.orWhere((o) => o.whereNull('user_id').whereIn('case_id', caseIds as string[]));
  });
}
