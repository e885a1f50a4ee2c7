// A document that could not be sealed tells the administrators: an in-app message to every admin of
// the issuing organisation and the organisations above it, once while it is unread (a refused SEAL
// retried at the window, or the idle renderer, writes no second one for the same missing seal).
import type { Knex } from 'knex';
import { readJson } from '../../store/index.ts';

export interface SealProblemNotice {
  /** The issuing organisation and its ancestors, nearest first. */
  orgIds: readonly string[];
  /** What is missing, e.g. `wx:approval` or `wx:code:wx-licence`: one message per missing seal. */
  key: string;
  title: string;
  body: string;
  caseId?: string | null;
  at: Date;
}

export async function noticeSealProblem(db: Knex, n: SealProblemNotice): Promise<void> {
  const users: { id: string; roles: unknown }[] = await db('users').where({ active: true }).whereIn('org_id', [...n.orgIds]).select('id', 'roles');
  const admins = users.filter((u) => readJson<string[]>(u.roles).includes('admin')).map((u) => u.id);
  if (admins.length === 0) return;
  const told = new Set<string>(
    await db('inbox_messages').where({ link_kind: 'seal', link_id: n.key }).whereNull('read_at').whereIn('user_id', admins).pluck('user_id'),
  );
  const rows = admins
    .filter((id) => !told.has(id))
    .map((id) => ({ user_id: id, case_id: n.caseId ?? null, title: n.title, body: n.body, read_at: null, created_at: n.at.toISOString(), link_kind: 'seal', link_id: n.key }));
  if (rows.length > 0) await db('inbox_messages').insert(rows);
}
