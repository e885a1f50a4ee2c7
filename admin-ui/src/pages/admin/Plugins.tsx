import { Card, Table, Tag } from 'antd';
import { listPlugins } from '../../api/admin.ts';
import type { PluginStatus, RefusedPlugin } from '../../api/types.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

/** Loaded plugins with their items, and refused ones with the reason (file and JSON pointer). */
export default function Plugins() {
  const plugins = useAsync(listPlugins, []);
  return (
    <>
      <PageTitle>{m.plugins.title}</PageTitle>
      <ErrorNote error={plugins.error} />
      <Card size="small" title={m.plugins.loaded} style={{ marginBottom: 12 }}>
        <Table<PluginStatus>
          size="small"
          rowKey="name"
          loading={plugins.loading}
          dataSource={plugins.data?.loaded}
          pagination={false}
          columns={[
            { title: m.plugins.name, dataIndex: 'name' },
            { title: m.plugins.version, dataIndex: 'version', width: 100 },
            { title: m.plugins.items, width: 80, render: (_, p) => p.items?.length ?? 0 },
            { title: m.plugins.status, width: 90, render: () => <Tag color="green">{m.plugins.loaded}</Tag> },
          ]}
        />
      </Card>
      <Card size="small" title={m.plugins.refused}>
        <Table<RefusedPlugin>
          size="small"
          rowKey={(p) => p.dir ?? p.name ?? ''}
          loading={plugins.loading}
          dataSource={plugins.data?.refused}
          pagination={false}
          columns={[
            { title: m.plugins.name, dataIndex: 'name', width: 240 },
            { title: m.plugins.reason, render: (_, p) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{p.reason}</pre> },
          ]}
        />
      </Card>
    </>
  );
}
