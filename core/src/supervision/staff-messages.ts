// Messages to staff about supervision records, written into the in-app inbox (`inbox_messages`,
// as the notify inbox channel writes them) inside the transaction of the change they announce: an
// in-app message is a row, not a side effect outside the store, so it needs no outbox. Each names
// what it is about (`link_kind`, `link_id`), so the inbox can open it.
import type { Sql } from '../store/index.ts';

export type MessageLink = 'rectification' | 'complaint' | 'refusal-report' | 'unresolved-request' | 'callback';

export interface StaffMessage {
  to: readonly string[];
  title: string;
  body: string;
  caseId?: string | null;
  link: { kind: MessageLink; id: string };
  at: Date;
}

export async function postStaffMessage(sql: Sql, m: StaffMessage): Promise<void> {
  const to = [...new Set(m.to)];
  if (to.length === 0) return;
  await sql.run(
    `insert into inbox_messages (user_id, case_id, title, body, read_at, created_at, link_kind, link_id) values ${to.map(() => '(?, ?, ?, ?, null, ?, ?, ?)').join(', ')}`,
    to.flatMap((userId) => [userId, m.caseId ?? null, m.title, m.body, m.at.toISOString(), m.link.kind, m.link.id]),
  );
}
