// Dates as official documents write them, in Beijing time whatever the server's zone:
// 2026年11月23日, and with the time for delivery receipts: 2026年11月23日14时05分.
const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function partsOf(iso: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', number> {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO date: ${iso}`);
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of PARTS.formatToParts(date)) {
    if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
  }
  return out;
}

export function formatChineseDate(iso: string): string {
  const { year, month, day } = partsOf(iso);
  return `${year}年${month}月${day}日`;
}

export function formatChineseDateTime(iso: string): string {
  const { year, month, day, hour, minute } = partsOf(iso);
  return `${year}年${month}月${day}日${hour}时${String(minute).padStart(2, '0')}分`;
}
