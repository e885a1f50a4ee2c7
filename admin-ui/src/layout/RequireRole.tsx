import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { hasRole } from '../auth/session.ts';
import { homeFor } from './menus.tsx';

/** Staff pages: signed-in users with one of the roles; others go to sign-in or their own home. */
export function RequireRole({ roles, children }: { roles: string[]; children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!hasRole(session, ...roles)) return <Navigate to={homeFor(session)} replace />;
  return <>{children}</>;
}
