import { post } from './client.ts';
import type { Session } from '../auth/session.ts';

export const login = (username: string, password: string) => post<Session>('/auth/login', { username, password });
