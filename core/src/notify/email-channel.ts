// E-mail over SMTP with nodemailer; the server comes from a URL such as smtp://host:port
// (smtps:// for TLS, credentials in the URL when the relay needs them).
import { createTransport } from 'nodemailer';
import type { NotificationChannel, Recipient } from './channel.ts';

export interface SmtpOptions {
  /** e.g. BIANMIN_SMTP_URL */
  url: string;
  /** The From header (BIANMIN_MAIL_FROM). */
  from: string;
}

export const DEFAULT_MAIL_FROM = '"便民服务中心" <noreply@bianmin.local>';

export function createEmailChannel(options: SmtpOptions): NotificationChannel & { close(): void } {
  // Timeouts stay well under the dispatcher's lease so a hung server is not sent to twice.
  const transport = createTransport({ url: options.url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
  return {
    name: 'email',
    address: (to: Recipient) => to.email?.trim() || undefined,
    async send(message) {
      await transport.sendMail({
        from: options.from,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        // One id per effect, so a receiving server can also recognise a duplicate.
        messageId: `<${encodeURIComponent(message.effectId)}.email@bianmin>`,
        headers: { 'X-Bianmin-Effect': message.effectId },
      });
    },
    close: () => transport.close(),
  };
}
