import { lazy, Suspense, useEffect } from 'react';
import { Spin } from 'antd';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { setUnauthorisedHandler } from './api/client.ts';
import { useAuth } from './auth/AuthContext.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { RequireRole } from './layout/RequireRole.tsx';
import { homeFor, STAFF_ROLES } from './layout/menus.tsx';

// Every page is its own chunk, so a clerk's first load carries neither the composer nor xyflow, and
// the portal's carries neither the staff layout nor the sign-in form.
const StaffLayout = lazy(() => import('./layout/StaffLayout.tsx').then((mod) => ({ default: mod.StaffLayout })));
const SignIn = lazy(() => import('./pages/SignIn.tsx'));
const Queue = lazy(() => import('./pages/workbench/Queue.tsx'));
const Inbox = lazy(() => import('./pages/workbench/Inbox.tsx'));
const MyWork = lazy(() => import('./pages/workbench/MyWork.tsx'));
const Messages = lazy(() => import('./pages/workbench/Messages.tsx'));
const NewCase = lazy(() => import('./pages/workbench/NewCase.tsx'));
const CasePage = lazy(() => import('./pages/workbench/CasePage.tsx'));
const Catalogue = lazy(() => import('./pages/admin/Catalogue.tsx'));
const Composer = lazy(() => import('./pages/admin/composer/Composer.tsx'));
const Seals = lazy(() => import('./pages/admin/Seals.tsx'));
const DeliveryModes = lazy(() => import('./pages/admin/DeliveryModes.tsx'));
const Calendar = lazy(() => import('./pages/admin/Calendar.tsx'));
const Orgs = lazy(() => import('./pages/admin/Orgs.tsx'));
const Users = lazy(() => import('./pages/admin/Users.tsx'));
const Plugins = lazy(() => import('./pages/admin/Plugins.tsx'));
const PublicLayout = lazy(() => import('./pages/public/PublicLayout.tsx'));
const GuideList = lazy(() => import('./pages/public/GuideList.tsx'));
const GuidePage = lazy(() => import('./pages/public/GuidePage.tsx'));
const Apply = lazy(() => import('./pages/public/Apply.tsx'));
const Progress = lazy(() => import('./pages/public/Progress.tsx'));
const Rate = lazy(() => import('./pages/public/Rate.tsx'));
const SupervisionOverview = lazy(() => import('./pages/supervision/Overview.tsx'));
const RectificationList = lazy(() => import('./pages/supervision/RectificationList.tsx'));
const RectificationPage = lazy(() => import('./pages/supervision/RectificationPage.tsx'));
const ComplaintList = lazy(() => import('./pages/supervision/ComplaintList.tsx'));
const ComplaintPage = lazy(() => import('./pages/supervision/ComplaintPage.tsx'));
const Callbacks = lazy(() => import('./pages/supervision/Callbacks.tsx'));
const RefusalReports = lazy(() => import('./pages/supervision/RefusalReports.tsx'));
const UnresolvedRequests = lazy(() => import('./pages/supervision/UnresolvedRequests.tsx'));
const Evaluations = lazy(() => import('./pages/supervision/Evaluations.tsx'));
const WindowQr = lazy(() => import('./pages/supervision/WindowQr.tsx'));
const Tablet = lazy(() => import('./pages/supervision/Tablet.tsx'));
const Kiosk = lazy(() => import('./pages/lobby/Kiosk.tsx'));
const Board = lazy(() => import('./pages/lobby/Board.tsx'));
const WindowDesk = lazy(() => import('./pages/lobby/WindowDesk.tsx'));
const Book = lazy(() => import('./pages/lobby/Book.tsx'));

export function App() {
  const { session, signOut } = useAuth();
  const navigate = useNavigate();
  useEffect(() => setUnauthorisedHandler(() => { signOut(); navigate('/login'); }), [signOut, navigate]);

  const staff = (roles: string[]) => <RequireRole roles={roles}><StaffLayout /></RequireRole>;
  return (
    <ErrorBoundary>
      <Suspense fallback={<Spin style={{ margin: 48 }} />}>
        <Routes>
          <Route path="/" element={<Navigate to={homeFor(session)} replace />} />
          <Route path="/login" element={<SignIn />} />
          <Route path="/workbench" element={staff(STAFF_ROLES)}>
            <Route index element={<Queue />} />
            <Route path="inbox" element={<Inbox />} />
            <Route path="mine" element={<MyWork />} />
            <Route path="new" element={<NewCase />} />
            <Route path="cases/:id" element={<CasePage />} />
            <Route path="window" element={<WindowDesk />} />
          </Route>
          <Route path="/supervision" element={staff(STAFF_ROLES)}>
            <Route index element={<SupervisionOverview />} />
            <Route path="rectifications" element={<RectificationList />} />
            <Route path="rectifications/:id" element={<RectificationPage />} />
            <Route path="complaints" element={<ComplaintList />} />
            <Route path="complaints/:id" element={<ComplaintPage />} />
            <Route path="callbacks" element={<Callbacks />} />
            <Route path="refusals" element={<RefusalReports />} />
            <Route path="requests" element={<UnresolvedRequests />} />
            <Route path="evaluations" element={<Evaluations />} />
            <Route path="windows" element={<WindowQr />} />
          </Route>
          <Route path="/messages" element={staff([...STAFF_ROLES, 'admin'])}>
            <Route index element={<Messages />} />
          </Route>
          <Route path="/tablet" element={<RequireRole roles={['clerk', 'agent', 'head']}><Tablet /></RequireRole>} />
          <Route path="/admin" element={staff(['admin'])}>
            <Route index element={<Navigate to="items" replace />} />
            <Route path="items" element={<Catalogue />} />
            <Route path="items/new" element={<Composer />} />
            <Route path="items/:code" element={<Composer />} />
            <Route path="seals" element={<Seals />} />
            <Route path="delivery-modes" element={<DeliveryModes />} />
            <Route path="calendar" element={<Calendar />} />
            <Route path="orgs" element={<Orgs />} />
            <Route path="users" element={<Users />} />
            <Route path="plugins" element={<Plugins />} />
          </Route>
          <Route path="/public" element={<PublicLayout />}>
            <Route index element={<GuideList />} />
            <Route path="items/:code" element={<GuidePage />} />
            <Route path="items/:code/apply" element={<Apply />} />
            <Route path="progress" element={<Progress />} />
            <Route path="rate" element={<Rate />} />
            <Route path="book" element={<Book />} />
          </Route>
          <Route path="/queue/:org/kiosk" element={<Kiosk />} />
          <Route path="/queue/:org/board" element={<Board />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </ErrorBoundary>
  );
}
