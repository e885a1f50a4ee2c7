// Every /api route needs a bearer token except sign-in, health, the OpenAPI document and /api/public.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { authenticate, type User } from '../auth/index.ts';
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

export function installAuthentication(app: FastifyInstance, db: Knex, now: () => Date): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    if (isOpen(request.url)) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match ? await authenticate(db, match[1]!, now()) : null;
    if (!user) throw new AppError('UNAUTHENTICATED');
    request.user = user;
  });
}

export function currentUser(request: FastifyRequest): User {
  if (!request.user) throw new AppError('UNAUTHENTICATED');
  return request.user;
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): User {
  const user = currentUser(request);
  if (!user.roles.some((r) => roles.includes(r))) throw new AppError('FORBIDDEN', `需要以下角色之一：${roles.join('、')}`);
  return user;
}
