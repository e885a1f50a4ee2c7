// In-app messages: a row in `inbox_messages` that the admin UI shows to the user (or, without a
// user, to everyone at the case's organisation).
import type { Knex } from 'knex';
import { transact } from '../store/index.ts';
import type { NotificationChannel, Recipient } from './channel.ts';

/** `notifications.recipient` for a message to the whole organisation. */
const ORGANISATION = '';

const INSERT = 'insert into inbox_messages (user_id, case_id, title, body, read_at, created_at) values (?, ?, ?, ?, null, ?)';

export function createInboxChannel(db: Knex): NotificationChannel {
  return {
    name: 'inbox',
    address(to: Recipient) {
      if (to.userId === undefined) return undefined;
      return to.userId ?? ORGANISATION;
    },
    async send(message) {
      const { caseId } = message;
      if (!caseId) throw new Error('站内消息须关联办件');
      // A transaction, so that on SQLite the write shares a commit with whatever else is waiting.
      await transact(db, (sql) =>
        sql.run(INSERT, [message.recipient === ORGANISATION ? null : message.recipient, caseId, message.subject, message.body, message.at.toISOString()]),
      );
    },
  };
}
