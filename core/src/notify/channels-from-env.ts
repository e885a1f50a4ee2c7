// The channels a server has, from its environment: in-app always; SMS when BIANMIN_SMS_URL is
// set (BIANMIN_SMS_TOKEN optional); e-mail when BIANMIN_SMTP_URL is set (BIANMIN_MAIL_FROM optional).
import type { Knex } from 'knex';
import type { NotificationChannel } from './channel.ts';
import { DEFAULT_MAIL_FROM, createEmailChannel } from './email-channel.ts';
import { createInboxChannel } from './inbox-channel.ts';
import { createSmsChannel } from './sms-channel.ts';

export function notificationChannelsFromEnv(db: Knex, env: NodeJS.ProcessEnv = process.env): NotificationChannel[] {
  const channels: NotificationChannel[] = [createInboxChannel(db)];
  if (env.BIANMIN_SMS_URL) {
    channels.push(createSmsChannel({ url: env.BIANMIN_SMS_URL, ...(env.BIANMIN_SMS_TOKEN ? { token: env.BIANMIN_SMS_TOKEN } : {}) }));
  }
  if (env.BIANMIN_SMTP_URL) {
    channels.push(createEmailChannel({ url: env.BIANMIN_SMTP_URL, from: env.BIANMIN_MAIL_FROM || DEFAULT_MAIL_FROM }));
  }
  return channels;
}
