// Every /api route needs a bearer token except sign-in, health, the OpenAPI document and /api/public.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, type User } from '../auth/index.ts';
import type { OrgDirectory } from '../org/index.ts';
import type { Runtime } from '../runtime/runtime.ts';
import type { Role } from '@bianmin/contract';
import { AppError } from '../errors/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
}

const OPEN_PATHS = ['/api/auth/login', '/api/health', '/api/openapi.json'];

function isOpen(url: string): boolean {
  const path = url.split('?')[0]!;
  return !path.startsWith('/api/') || OPEN_PATHS.includes(path) || path.startsWith('/api/public/') || path.startsWith('/api/docs');
}

/** All a user whose password must be changed may do until they change it. */
const WHILE_CHANGE_REQUIRED = ['/api/auth/me', '/api/auth/password', '/api/auth/logout'];

export function installAuthentication(app: FastifyInstance, rt: Pick<Runtime, 'db' | 'now' | 'security'>): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    if (isOpen(request.url)) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match ? await authenticate(rt.db, match[1]!, rt.now(), rt.security.current()) : null;
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.mustChangePassword && !WHILE_CHANGE_REQUIRED.includes(request.url.split('?')[0]!)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    request.user = user;
  });
}

export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new AppError('UNAUTHENTICATED');
  return request.user;
}

/**
 * An administrator of a county-level organisation: what is county-wide (published items, the
 * working-day calendar, county-wide delivery modes) is theirs, not a township's administrator's.
 */
export function requireCountyAdmin(request: FastifyRequest, orgs: OrgDirectory): User {
  const user = requireRole(request, 'admin');
  if (orgs.get(user.orgId)?.level !== 'county') throw new AppError('FORBIDDEN', '县级事项目录、工作日历等全县范围的配置须由县级管理员维护');
  return user;
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): User {
  const user = currentUser(request);
  if (!user.roles.some((r) => roles.includes(r))) throw new AppError('FORBIDDEN', `需要以下角色之一：${roles.join('、')}`);
  return user;
}
