import { useState } from 'react';
import { Card, Input, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { listPublicItems } from '../../api/public.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';

export default function GuideList() {
  const items = useAsync(listPublicItems, []);
  const [q, setQ] = useState('');
  const shown = (items.data ?? []).filter((i) => !q || i.name.includes(q) || i.department.includes(q));
  return (
    <Card title={m.public.guides}>
      <Input.Search allowClear autoFocus placeholder={m.public.searchPlaceholder} onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 360, marginBottom: 12 }} />
      <ErrorNote error={items.error} />
      <List
        loading={items.loading}
        dataSource={shown}
        renderItem={(i) => (
          <List.Item>
            <Link to={`/public/items/${encodeURIComponent(i.code)}`}>
              <Typography.Text strong>{i.name}</Typography.Text>
            </Link>
            <span>
              <Tag>{i.department}</Tag>
              {i.kind && <Tag color="red">{m.kinds[i.kind] ?? i.kind}</Tag>}
              {i.level && <Tag>{m.levels[i.level] ?? i.level}</Tag>}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
