// Dates as official documents write them, in Beijing time whatever the server's zone:
// 2026年11月23日, and with the time for delivery receipts: 2026年11月23日14时05分.
// The calendar's fixed-offset Shanghai day (China keeps UTC+8 all year) instead of ICU's
// formatToParts, which cost ~10 µs per date on the hot path (every receipt carries several).
import { shanghaiDateOf, startOfShanghaiDay } from '../../calendar/index.ts';

function instantOf(iso: string): Date {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an ISO date: ${iso}`);
  return instant;
}

function chineseDay(date: string): string {
  const [year, month, day] = date.split('-');
  return `${Number(year)}年${Number(month)}月${Number(day)}日`;
}

export function formatChineseDate(iso: string): string {
  return chineseDay(shanghaiDateOf(instantOf(iso)));
}

export function formatChineseDateTime(iso: string): string {
  const instant = instantOf(iso);
  const date = shanghaiDateOf(instant);
  const minutes = Math.floor((instant.getTime() - startOfShanghaiDay(date).getTime()) / 60_000);
  return `${chineseDay(date)}${Math.floor(minutes / 60)}时${String(minutes % 60).padStart(2, '0')}分`;
}
