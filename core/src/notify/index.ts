// Progress notifications (办理进度告知): milestone templates, channel adapters and the dispatcher
// the outbox and the sweeper call.
export {
  NOTIFICATION_TEMPLATES, type NotificationTemplate, type NotificationTemplateName,
} from './templates.ts';
export { renderNotification, NotificationTemplateError, type TemplateVars, type RenderedNotification } from './render.ts';
export type { NotificationChannel, OutgoingMessage, Recipient } from './channel.ts';
export { createSmsChannel, type SmsGatewayOptions } from './sms-channel.ts';
export { createEmailChannel, DEFAULT_MAIL_FROM, type SmtpOptions } from './email-channel.ts';
export { createInboxChannel } from './inbox-channel.ts';
export { listInboxMessages, markInboxMessageRead, type InboxMessage, type InboxQuery } from './inbox.ts';
export { notificationChannelsFromEnv } from './channels-from-env.ts';
export { MAX_ATTEMPTS, SEND_LEASE_MS, retryDelayMs } from './retry-policy.ts';
export {
  dispatchNotification, retryDueNotifications,
  type NotificationRequest, type NotificationOutcome, type NotificationStatus,
} from './dispatcher.ts';
