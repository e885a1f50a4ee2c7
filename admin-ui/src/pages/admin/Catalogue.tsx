import { useMemo, useState } from 'react';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { listDrafts, listItems } from '../../api/items.ts';
import type { ItemSummary } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

type Summary = ItemSummary & { versions?: string[] };
type Filter = { department?: string; level?: string; kind?: string; source?: string };

const sourceKind = (s: string) => (s.startsWith('plugin:') ? 'plugin' : 'admin');

/** The catalogue: every item, newest version, searchable and filtered by department, level, kind, source. */
export default function Catalogue() {
  const navigate = useNavigate();
  const items = useAsync(async () => {
    const [published, drafts] = await Promise.all([listItems(), listDrafts().catch(() => [])]);
    // Drafts of items never published show up too, so an admin can come back to them.
    const codes = new Set(published.map((i) => i.code));
    const unpublished = drafts
      .filter((d) => !codes.has(d.code))
      .map((d) => ({ code: d.code, version: d.version, name: d.name, department: d.department, level: d.level, kind: d.procedure?.kind, source: 'admin', status: 'draft' }));
    return [...published, ...unpublished] as ItemSummary[];
  }, []);
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<Filter>({});
  const all = (items.data ?? []) as Summary[];
  const departments = useMemo(() => [...new Set(all.map((i) => i.department))], [all]);
  const shown = all.filter(
    (i) =>
      (!q || i.name.includes(q) || i.code.includes(q)) &&
      (!filter.department || i.department === filter.department) &&
      (!filter.level || i.level === filter.level) &&
      (!filter.kind || i.kind === filter.kind) &&
      (!filter.source || sourceKind(i.source) === filter.source),
  );
  const select = (key: keyof Filter, placeholder: string, options: { value: string; label: string }[]) => (
    <Select allowClear placeholder={placeholder} style={{ width: 140 }} options={options} onChange={(v: string | undefined) => setFilter((f) => ({ ...f, [key]: v }))} />
  );

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <PageTitle>{m.catalogue.title}</PageTitle>
        <Button type="primary" onClick={() => navigate('/admin/items/new')} data-testid="new-item">{m.catalogue.newItem}</Button>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear autoFocus placeholder={m.catalogue.searchPlaceholder} onChange={(e) => setQ(e.target.value)} style={{ width: 240 }} />
        {select('department', m.catalogue.department, departments.map((d) => ({ value: d, label: d })))}
        {select('level', m.catalogue.level, Object.entries(m.levels).map(([value, label]) => ({ value, label })))}
        {select('kind', m.catalogue.kind, Object.entries(m.kinds).map(([value, label]) => ({ value, label })))}
        {select('source', m.catalogue.source, [{ value: 'admin', label: m.catalogue.sourceAdmin }, { value: 'plugin', label: m.catalogue.sourcePlugin }])}
      </Space>
      <ErrorNote error={items.error} />
      <Table<Summary>
        size="small"
        rowKey="code"
        loading={items.loading}
        dataSource={shown}
        pagination={{ pageSize: 15, showTotal: m.app.total }}
        onRow={(i) => ({ onDoubleClick: () => navigate(`/admin/items/${encodeURIComponent(i.code)}`) })}
        columns={[
          { title: m.catalogue.name, dataIndex: 'name' },
          { title: m.catalogue.code, dataIndex: 'code', width: 230, render: (c: string) => <code style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{c}</code> },
          { title: m.catalogue.department, dataIndex: 'department', width: 100 },
          { title: m.catalogue.level, width: 110, render: (_, i) => m.levels[i.level] ?? i.level },
          { title: m.catalogue.kind, width: 80, render: (_, i) => m.kinds[i.kind] ?? i.kind },
          {
            title: m.catalogue.source,
            width: 200,
            render: (_, i) => (i.status === 'draft' ? <Tag color="orange">{m.catalogue.draft}</Tag> : sourceKind(i.source) === 'admin' ? <Tag color="blue">{m.catalogue.sourceAdmin}</Tag> : <Tag title={i.source}>{i.source.replace(/^plugin:(@bianmin\/plugin-)?/, '')}</Tag>),
          },
          { title: m.catalogue.versions, width: 90, render: (_, i) => (i.versions?.length ? i.versions.join('、') : i.version) },
          {
            title: m.app.actions,
            width: 70,
            render: (_, i) => <Button size="small" type="link" onClick={() => navigate(`/admin/items/${encodeURIComponent(i.code)}`)}>{m.catalogue.open}</Button>,
          },
        ]}
      />
    </>
  );
}
