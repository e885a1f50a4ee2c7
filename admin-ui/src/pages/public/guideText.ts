import type { Contact, TimeLimit } from '../../api/types.ts';
import { m } from '../../i18n/index.ts';

const CHANNELS: Record<string, string> = { phone: '电话', window: '窗口', online: '网上', email: '电子邮箱', mail: '信函', hotline: '热线' };

export function timeLimitText(t: TimeLimit | undefined): string {
  if (!t) return '';
  const unit = { minutes: m.public.minutes, hours: m.public.hours, 'working-days': m.public.workingDays, 'calendar-days': m.public.calendarDays }[t.unit];
  return `${t.value}${unit ?? t.unit}${t.note ? `（${t.note}）` : ''}`;
}

export function contactText(c: Contact): string {
  return `${CHANNELS[c.channel] ?? c.channel}：${c.value}${c.note ? `（${c.note}）` : ''}`;
}
