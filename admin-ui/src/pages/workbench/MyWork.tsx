import { Card, List, Space, Statistic, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { getWorklist, type WorkList } from '../../api/cases.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatTime } from '../../format/labels.ts';
import { m } from '../../i18n/index.ts';
import { CaseTable } from './CaseTable.tsx';
import { useAsync } from '../../hooks/useAsync.ts';

const TASK_PATHS: Record<string, string> = {
  rectification: '/supervision/rectifications',
  'refusal-report': '/supervision/refusals',
  'unresolved-request': '/supervision/requests',
};

/** What waits for this user now (GET /api/worklist): the counts, then the cases, the most urgent first. */
export default function MyWork() {
  const navigate = useNavigate();
  const counts = useAsync(() => getWorklist(undefined, 1), []);
  const c = counts.data?.counts;
  const tasks = counts.data?.tasks ?? [];
  const stats: [keyof WorkList['counts'], string][] = [
    ['todo', m.mine.todo], ['dueSoon', m.mine.dueSoon], ['overdue', m.mine.overdue], ['inbox', m.mine.inbox],
    ['rectifications', m.mine.rectifications], ['refusals', m.mine.refusals], ['requests', m.mine.requests],
  ];
  return (
    <>
      <PageTitle>{m.mine.title}</PageTitle>
      <Space size={24} wrap style={{ marginBottom: 12 }} data-testid="work-counts">
        {stats.map(([key, label]) => (
          <Statistic key={key} title={label} value={c?.[key] ?? '—'} styles={{ content: { fontSize: 20, color: key === 'overdue' && c?.overdue ? '#cf1322' : undefined } }} />
        ))}
      </Space>
      <CaseTable source="worklist" emptyText={m.mine.empty} />
      {tasks.length > 0 && (
        <Card size="small" title={m.mine.tasks} style={{ marginTop: 12 }}>
          <List
            size="small"
            dataSource={tasks}
            renderItem={(t) => (
              <List.Item>
                <a href={TASK_PATHS[t.kind] ?? '/supervision'} onClick={(e) => { e.preventDefault(); navigate(TASK_PATHS[t.kind] ?? '/supervision'); }}>{t.title}</a>
                <Space>
                  {t.dueAt && <span>{formatTime(t.dueAt)}</span>}
                  {t.overdue && <Tag color="red">{m.queue.overdue}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
