// The promised date in a notification, written as zh-CN's toLocaleDateString wrote it for
// Asia/Shanghai ('2025/6/2'). That call costs ~100 µs of ICU per message; China keeps UTC+8
// without daylight saving, so the calendar's fixed-offset arithmetic gives the same day.
import { shanghaiDateOf } from '../calendar/index.ts';

export function dueDateText(instant: Date): string {
  const [year, month, day] = shanghaiDateOf(instant).split('-');
  return `${Number(year)}/${Number(month)}/${Number(day)}`;
}
