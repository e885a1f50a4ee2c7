import { Descriptions, Tag } from 'antd';
import type { Deadlines } from '../../../api/types.ts';
import { deadlineFlag, deadlineInstant, deadlineStatus } from '../../../format/deadlines.ts';
import { formatTime } from '../../../format/labels.ts';
import { m } from '../../../i18n/index.ts';

/** Each named deadline with its flag; entries that aren't instants (e.g. paused time) are shown as they are. */
export function DeadlineList({ deadlines }: { deadlines: Deadlines | undefined }) {
  // A flat snapshot ({ dueAt, status, … }) is one deadline; otherwise each key names one.
  const flat = deadlines && (typeof deadlines.dueAt === 'string' || 'status' in deadlines);
  const entries = (flat ? [['due', deadlines] as [string, unknown]] : Object.entries(deadlines ?? {})).filter(
    ([, v]) => v !== null && v !== undefined,
  );
  if (entries.length === 0) return <>{m.app.none}</>;
  return (
    <Descriptions size="small" column={1} bordered>
      {entries.map(([key, v]) => {
        const at = deadlineInstant(v);
        const flag = deadlineFlag(at, Date.now(), false, deadlineStatus(v));
        return (
          <Descriptions.Item key={key} label={m.casePage.deadlineNames[key] ?? key}>
            {at ? formatTime(at) : typeof v === 'object' ? '' : String(v)}
            {flag === 'red' && <Tag color="red" style={{ marginLeft: 8 }}>{m.queue.overdue}</Tag>}
            {flag === 'yellow' && <Tag color="gold" style={{ marginLeft: 8 }}>{m.queue.dueSoon}</Tag>}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
