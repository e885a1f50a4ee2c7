import { Descriptions, Tag, Tooltip } from 'antd';
import type { Deadlines } from '../../../api/types.ts';
import { deadlineFlag } from '../../../format/deadlines.ts';
import { formatTime } from '../../../format/labels.ts';
import { m } from '../../../i18n/index.ts';

// The instants of the server's DeadlineView worth showing, in reading order.
const INSTANTS = ['receivedAt', 'acceptedAt', 'correctionDueAt', 'dueAt'] as const;

/** Received / accepted / correction and completion deadlines, the completion one with its traffic light. */
export function DeadlineList({ deadlines }: { deadlines: Deadlines | undefined }) {
  const d = deadlines ?? {};
  const status = typeof d.status === 'string' ? d.status : undefined;
  const target = d.target as { targetAt?: string; targetMinutes?: number; exceeded?: boolean } | null | undefined;
  const provisional = d.provisional === true;
  const rows = INSTANTS.filter((k) => typeof d[k] === 'string');
  if (rows.length === 0 && !target) return <>{m.app.none}</>;
  return (
    <Descriptions size="small" column={1} bordered>
      {rows.map((key) => {
        const flag = key === 'dueAt' ? deadlineFlag(d[key] as string, Date.now(), false, status) : null;
        return (
          <Descriptions.Item key={key} label={m.casePage.deadlineNames[key] ?? key}>
            <span data-testid={`deadline-${key}`}>{formatTime(d[key])}</span>
            {flag === 'red' && <Tag color="red" style={{ marginLeft: 8 }}>{m.queue.overdue}</Tag>}
            {flag === 'yellow' && <Tag color="gold" style={{ marginLeft: 8 }}>{m.queue.dueSoon}</Tag>}
            {key === 'dueAt' && status === 'paused' && <Tag style={{ marginLeft: 8 }}>{m.casePage.paused}</Tag>}
            {key === 'dueAt' && provisional && (
              <Tooltip title={m.queue.provisionalHint}>
                <Tag color="orange" style={{ marginLeft: 8 }} data-testid="due-provisional">{m.queue.provisional}</Tag>
              </Tooltip>
            )}
            {key === 'dueAt' && typeof d.remainingWorkingDays === 'number' && (
              <span style={{ marginLeft: 8, color: '#888' }}>{m.casePage.remaining(d.remainingWorkingDays)}</span>
            )}
          </Descriptions.Item>
        );
      })}
      {target?.targetAt && (
        <Descriptions.Item label={m.casePage.deadlineNames.target}>
          <span data-testid="deadline-target">{formatTime(target.targetAt)}</span>
          {typeof target.targetMinutes === 'number' && <Tag style={{ marginLeft: 8 }}>{m.queue.target(target.targetMinutes)}</Tag>}
          {target.exceeded && <Tag color="red" style={{ marginLeft: 8 }}>{m.queue.overTarget}</Tag>}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
