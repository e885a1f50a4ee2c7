import type { Contact, TimeLimit } from '../../api/types.ts';
import { m } from '../../i18n/index.ts';

export function timeLimitText(t: TimeLimit | undefined): string {
  if (!t) return '';
  const unit = { minutes: m.public.minutes, hours: m.public.hours, 'working-days': m.public.workingDays, 'calendar-days': m.public.calendarDays }[t.unit];
  return `${t.value}${unit ?? t.unit}${t.note ? `（${t.note}）` : ''}`;
}

export function contactText(c: Contact): string {
  return `${m.guide.channels[c.channel] ?? c.channel}：${c.value}${c.note ? `（${c.note}）` : ''}`;
}
