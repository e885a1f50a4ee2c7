import { Button, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { listInbox, markRead, type InboxMessage } from '../../api/cases.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { formatTime } from '../../format/labels.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';

/** Where a message leads: its case, or what its link names. */
function target(message: InboxMessage): { path: string; label: string } | null {
  if (message.link?.kind === 'calendar-year') return { path: '/admin/calendar', label: m.messages.openCalendar };
  if (message.caseId) return { path: `/workbench/cases/${message.caseId}`, label: m.messages.openCase };
  return null;
}

/** The staff inbox (GET /api/inbox): overdue warnings, work orders, calendar reminders; newest first. */
export default function Messages() {
  const navigate = useNavigate();
  const inbox = useAsync(listInbox, []);
  const read = async (id: number) => {
    await markRead(id);
    inbox.reload();
  };
  return (
    <>
      <PageTitle>{m.messages.title}</PageTitle>
      <ErrorNote error={inbox.error} />
      <List
        loading={inbox.loading}
        locale={{ emptyText: m.messages.empty }}
        dataSource={inbox.data?.items ?? []}
        renderItem={(message) => {
          const to = target(message);
          return (
            <List.Item
              data-testid="message"
              actions={[
                ...(to ? [<Button key="open" size="small" type="link" onClick={() => navigate(to.path)}>{to.label}</Button>] : []),
                ...(message.readAt ? [] : [<Button key="read" size="small" onClick={() => void read(message.id)}>{m.messages.markRead}</Button>]),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    {!message.readAt && <Tag color="blue">{m.messages.unread}</Tag>}
                    <Typography.Text strong={!message.readAt}>{message.title}</Typography.Text>
                  </Space>
                }
                description={<>{message.body}<br /><Typography.Text type="secondary">{formatTime(message.createdAt)}</Typography.Text></>}
              />
            </List.Item>
          );
        }}
      />
    </>
  );
}
