import { useState } from 'react';
import { Card, Empty, Input, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { listPublicItems } from '../../api/public.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

export default function GuideList() {
  const items = useAsync(listPublicItems, []);
  const [q, setQ] = useState('');
  const shown = (items.data ?? []).filter((i) => !q || i.name.includes(q) || i.department.includes(q));
  return (
    <Card>
      <PageTitle>{m.public.guides}</PageTitle>
      <Input.Search allowClear autoFocus aria-label={m.app.search} enterButton={m.app.search} placeholder={m.public.searchPlaceholder} onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 360, marginBottom: 12 }} />
      <ErrorNote error={items.error} />
      {items.loading && <Spin />}
      {!items.loading && shown.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {shown.map((i) => (
          <div key={i.code} style={{ display: 'flex', justifyContent: 'space-between', padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
            <Link to={`/public/items/${encodeURIComponent(i.code)}`}>
              <Typography.Text strong>{i.name}</Typography.Text>
            </Link>
            <span>
              <Tag>{i.department}</Tag>
              {i.kind && <Tag color="red">{m.kinds[i.kind] ?? i.kind}</Tag>}
              {i.level && <Tag>{m.levels[i.level] ?? i.level}</Tag>}
            </span>
          </div>
      ))}
    </Card>
  );
}
