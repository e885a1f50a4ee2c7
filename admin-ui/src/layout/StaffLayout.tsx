import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { getCalendarStatus, getWorklist, type WorkCounts } from '../api/cases.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { hasRole } from '../auth/session.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { m } from '../i18n/index.ts';
import { useFocusHeading } from '../keyboard/focusHeading.ts';
import { useShortcuts, type Shortcut } from '../keyboard/shortcuts.ts';
import { whenFound } from '../keyboard/whenFound.ts';
import { menuFor, STAFF_ROLES } from './menus.tsx';

const CheatSheet = lazy(() => import('../keyboard/CheatSheet.tsx'));

/** Side menu + header; narrow enough for a 1366×768 counter screen. */
export function StaffLayout() {
  const { session, signOut } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [cheatSheet, setCheatSheet] = useState(false);
  // The queue loads without rjsf/ajv; fetch them while the clerk reads it, so 收件登记 opens at once.
  useEffect(() => {
    const t = setTimeout(() => void import('../forms/SchemaForm.tsx'), 2000);
    return () => clearTimeout(t);
  }, []);
  // The menu's badges: fetched on every navigation (a step just taken changes them) and each minute.
  const [counts, setCounts] = useState<WorkCounts | null>(null);
  const [missingYears, setMissingYears] = useState<{ year: number; message: string }[]>([]);
  const isAdmin = hasRole(session, 'admin');
  useEffect(() => {
    if (!session) return;
    let live = true;
    const load = () => {
      void getWorklist(undefined, 1).then((w) => live && setCounts(w.counts), () => {});
      if (isAdmin) void getCalendarStatus().then((c) => live && setMissingYears(c.missing), () => {});
    };
    load();
    const t = setInterval(load, 60_000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [session, isAdmin, pathname]);
  const main = useCallback(() => document.getElementById('main'), []);
  useFocusHeading(pathname, main);

  const receives = hasRole(session, 'clerk', 'agent');
  const handlesCases = hasRole(session, ...STAFF_ROLES);
  const shortcuts = useMemo<Shortcut[]>(() => [
    ...(receives ? [{ keys: 'F2', label: m.keys.newCase, inFields: true, run: () => navigate('/workbench/new') }] : []),
    ...(handlesCases
      ? [{
          keys: 'F3',
          label: m.keys.search,
          inFields: true,
          run: () => {
            if (pathname !== '/workbench') navigate('/workbench');
            whenFound('[data-shortcut="search"]', (el) => el.focus());
          },
        }]
      : []),
    {
      keys: 'F4',
      label: m.keys.menu,
      inFields: true,
      // The page's own entry when the menu has one, else the first (a comma list would take whichever comes first).
      run: () => whenFound('#bm-menu .ant-menu-item', (first) => (document.querySelector<HTMLElement>('#bm-menu .ant-menu-item-selected') ?? first).focus()),
    },
    { keys: '?', label: m.keys.cheatSheet, run: () => setCheatSheet(true) },
  ], [receives, handlesCases, navigate, pathname]);
  useShortcuts(shortcuts);

  if (!session) return null;
  const roles = session.user.roles.map((r) => m.roles[r] ?? r).join('、');
  const sheet = [
    ...shortcuts.map(({ keys, label }) => ({ keys, label })),
    { keys: 'Alt+1 … Alt+9', label: m.keys.actions },
    { keys: 'Ctrl+Enter', label: m.keys.submit },
    { keys: 'Esc', label: m.keys.close },
    { keys: 'Tab / Shift+Tab', label: m.keys.tab },
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '14px 16px', fontWeight: 600, fontSize: 16, color: '#b71c1c' }}>{m.app.title}</div>
        <nav id="bm-menu" aria-label={m.keys.menuLabel}>
          <Menu
            mode="inline"
            selectedKeys={[pathname]}
            items={menuFor(session, counts)}
            onClick={(e) => navigate(e.key)}
            style={{ borderInlineEnd: 0 }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', height: 48, lineHeight: '48px', padding: '0 16px', borderBottom: '1px solid #f0f0f0', display: 'flex', justifyContent: 'space-between' }}
        >
          <Space size={12} className="bm-key-hints" data-testid="key-hints">
            {shortcuts.map((s) => (
              <span key={s.keys}><kbd className="bm-kbd">{s.keys}</kbd> {s.label}</span>
            ))}
          </Space>
          <Space>
            <Typography.Text data-testid="current-user">
              {session.user.orgName ? `${session.user.orgName} · ` : ''}{session.user.name}（{roles}）
            </Typography.Text>
            <Button size="small" onClick={() => { signOut(); navigate('/login'); }}>
              {m.app.signOut}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content id="main" style={{ padding: 16 }}>
          {missingYears.map((y) => (
            <Alert
              key={y.year}
              type="warning"
              showIcon
              data-testid="calendar-banner"
              style={{ marginBottom: 12 }}
              title={m.calendarBanner.title(y.year)}
              description={y.message}
              action={pathname !== '/admin/calendar' && (
                <Button size="small" onClick={() => navigate('/admin/calendar')}>{m.messages.openCalendar}</Button>
              )}
            />
          ))}
          <ErrorBoundary key={pathname}>
            <Suspense fallback={<Spin />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
      {cheatSheet && (
        <Suspense fallback={null}>
          <CheatSheet rows={sheet} onClose={() => setCheatSheet(false)} />
        </Suspense>
      )}
    </Layout>
  );
}
