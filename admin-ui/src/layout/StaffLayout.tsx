import { Suspense, useEffect } from 'react';
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { m } from '../i18n/index.ts';
import { menuFor } from './menus.tsx';

/** Side menu + header; narrow enough for a 1366×768 counter screen. */
export function StaffLayout() {
  const { session, signOut } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // The queue loads without rjsf/ajv; fetch them while the clerk reads it, so 收件登记 opens at once.
  useEffect(() => {
    const t = setTimeout(() => void import('../forms/SchemaForm.tsx'), 2000);
    return () => clearTimeout(t);
  }, []);
  if (!session) return null;
  const roles = session.user.roles.map((r) => m.roles[r] ?? r).join('、');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '14px 16px', fontWeight: 600, fontSize: 16, color: '#b71c1c' }}>{m.app.title}</div>
        <Menu
          mode="inline"
          selectedKeys={[pathname]}
          items={menuFor(session)}
          onClick={(e) => navigate(e.key)}
          style={{ borderInlineEnd: 0 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', height: 48, lineHeight: '48px', padding: '0 16px', borderBottom: '1px solid #f0f0f0' }}
        >
          <Space style={{ float: 'right' }}>
            <Typography.Text data-testid="current-user">
              {session.user.orgName ? `${session.user.orgName} · ` : ''}{session.user.name}（{roles}）
            </Typography.Text>
            <Button size="small" onClick={() => { signOut(); navigate('/login'); }}>
              {m.app.signOut}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16 }}>
          <ErrorBoundary key={pathname}>
            <Suspense fallback={<Spin />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
