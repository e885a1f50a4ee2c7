// The sign-in token lives in sessionStorage: it dies with the tab, which suits shared counter PCs.
export interface SessionUser {
  id: string;
  name: string;
  roles: string[];
  orgId: string;
  orgName?: string;
  orgLevel?: string;
  /** The server refuses everything but a password change until it is made. */
  mustChangePassword?: boolean;
}
export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = 'bianmin.session';

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
}

export function hasRole(session: Session | null, ...roles: string[]): boolean {
  return !!session && session.user.roles.some((r) => roles.includes(r));
}
