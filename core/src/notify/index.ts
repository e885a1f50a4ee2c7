// Progress notifications (办理进度告知): milestone templates, channel adapters, the dispatcher, the
// message a case step writes into its outbox row and the outbox handler that sends it.
export {
  NOTIFICATION_TEMPLATES, type NotificationTemplate, type NotificationTemplateName,
} from './templates.ts';
export { renderNotification, NotificationTemplateError, type TemplateVars, type RenderedNotification } from './render.ts';
export type { NotificationChannel, OutgoingMessage, Recipient } from './channel.ts';
export { createSmsChannel, type SmsGatewayOptions } from './sms-channel.ts';
export { createEmailChannel, DEFAULT_MAIL_FROM, type SmtpOptions } from './email-channel.ts';
export { createInboxChannel } from './inbox-channel.ts';
export { countUnreadInboxMessages, listInboxMessages, markInboxMessageRead, type InboxMessage, type InboxQuery } from './inbox.ts';
export { notificationChannelsFromEnv } from './channels-from-env.ts';
export { MAX_ATTEMPTS, SEND_LEASE_MS, retryDelayMs } from './retry-policy.ts';
export {
  dispatchNotification, retryDueNotifications,
  type NotificationRequest, type NotificationOutcome, type NotificationStatus,
} from './dispatcher.ts';
export { notifyMessage, type NotifyMessage, type NotifyFacts, type NotifyApplicant } from './notify-message.ts';
export { notifyHandler } from './notify-handler.ts';
export { remindMissingCalendarYears, CALENDAR_YEAR_LINK } from './calendar-year-reminder.ts';
