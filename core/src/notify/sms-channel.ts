// SMS through whatever gateway the county contracts: we POST JSON { to, text } to its URL and
// treat anything but a 2xx answer as a failed attempt.
import type { NotificationChannel, Recipient } from './channel.ts';

export interface SmsGatewayOptions {
  /** e.g. BIANMIN_SMS_URL */
  url: string;
  /** Sent as `Authorization: Bearer …` when given (BIANMIN_SMS_TOKEN). */
  token?: string;
  /** Kept well under the dispatcher's lease so a slow gateway is not sent to twice. */
  timeoutMs?: number;
}

export function createSmsChannel(options: SmsGatewayOptions): NotificationChannel {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    name: 'sms',
    address: (to: Recipient) => normalisePhone(to.phone),
    async send(message) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to: message.recipient, text: message.body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        const detail = (await response.text().catch(() => '')).slice(0, 200);
        throw new Error(`短信网关返回 HTTP ${response.status}${detail ? `：${detail}` : ''}`);
      }
    },
  };
}

function normalisePhone(phone: string | undefined): string | undefined {
  const digits = phone?.replace(/[\s-]/g, '');
  return digits ? digits : undefined;
}
