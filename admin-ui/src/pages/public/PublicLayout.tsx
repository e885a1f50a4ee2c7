import { Suspense, useCallback } from 'react';
import { Layout, Menu, Spin } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx';
import { m } from '../../i18n/index.ts';
import { useFocusHeading } from '../../keyboard/focusHeading.ts';

/** The public portal: no sign-in, guides and progress only. */
export default function PublicLayout() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const main = useCallback(() => document.getElementById('main'), []);
  useFocusHeading(pathname, main);
  const selected = pathname.startsWith('/public/progress') ? '/public/progress' : pathname.startsWith('/public/book') ? '/public/book' : '/public';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', background: '#b71c1c', padding: '0 24px' }}>
        <Link to="/public" style={{ color: '#fff', fontSize: 18, fontWeight: 600, marginRight: 32 }}>{m.app.portal}</Link>
        <Menu
          theme="dark"
          mode="horizontal"
          disabledOverflow
          selectedKeys={[selected]}
          style={{ background: 'transparent', flex: 1 }}
          onClick={(e) => navigate(e.key)}
          items={[
            { key: '/public', label: m.public.guides },
            { key: '/public/progress', label: m.public.progress },
            { key: '/public/book', label: m.lobby.bookTitle },
          ]}
        />
      </Layout.Header>
      <Layout.Content id="main" style={{ padding: 24, maxWidth: 1080, width: '100%', margin: '0 auto' }}>
        <ErrorBoundary key={pathname}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Layout.Content>
    </Layout>
  );
}
