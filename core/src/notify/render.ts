// Turns a template name and the case's values into the subject and text that every channel sends.
import Mustache from 'mustache';
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from './templates.ts';

/** Values a template may use: caseNumber, itemName, applicantName, dueDate, pickupCode, orgName, phone, note, … */
export type TemplateVars = Record<string, string | number | undefined | null>;

export interface RenderedNotification {
  subject: string;
  body: string;
}

export class NotificationTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotificationTemplateError';
  }
}

// Messages are plain text (SMS, text mail, inbox), so nothing is HTML-escaped.
const PLAIN = { escape: (value: unknown) => String(value) };

export function renderNotification(
  name: string,
  vars: TemplateVars,
  templates: Readonly<Record<string, NotificationTemplate>> = NOTIFICATION_TEMPLATES,
): RenderedNotification {
  const template = Object.hasOwn(templates, name) ? templates[name] : undefined;
  if (!template) throw new NotificationTemplateError(`未知的通知模板「${name}」`);
  const missing = template.required.filter((key) => vars[key] === undefined || vars[key] === null || vars[key] === '');
  if (missing.length > 0) {
    throw new NotificationTemplateError(`通知模板「${name}」缺少变量：${missing.join('、')}`);
  }
  // Blank strings count as missing so that a section like {{#note}} is left out rather than empty.
  const view = Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== '' && v !== null && v !== undefined));
  return {
    subject: Mustache.render(template.subject, view, {}, PLAIN),
    body: Mustache.render(template.body, view, {}, PLAIN),
  };
}
