import { api, post } from './client.ts';
import type { Session } from '../auth/session.ts';

export const login = (username: string, password: string) => post<Session>('/auth/login', { username, password });

/** Sets a new password with the session `token` (ended by the change) and answers the new session. */
export const changePassword = (token: string, current: string, next: string) => api<Session>('POST', '/auth/password', { current, next }, token);
