// In-app messages: a row in `inbox_messages` that the admin UI shows to the user (or, without a
// user, to everyone at the case's organisation).
import type { Knex } from 'knex';
import type { NotificationChannel, Recipient } from './channel.ts';

/** `notifications.recipient` for a message to the whole organisation. */
const ORGANISATION = '';

export function createInboxChannel(db: Knex): NotificationChannel {
  return {
    name: 'inbox',
    address(to: Recipient) {
      if (to.userId === undefined) return undefined;
      return to.userId ?? ORGANISATION;
    },
    async send(message) {
      if (!message.caseId) throw new Error('站内消息须关联办件');
      await db('inbox_messages').insert({
        user_id: message.recipient === ORGANISATION ? null : message.recipient,
        case_id: message.caseId,
        title: message.subject,
        body: message.body,
        read_at: null,
        created_at: message.at.toISOString(),
      });
    },
  };
}
