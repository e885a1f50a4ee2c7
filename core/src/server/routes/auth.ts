import type { FastifyInstance } from 'fastify';
import { login, logout } from '../../auth/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { currentUser } from '../authentication.ts';
import { errorResponses, noContent } from '../schemas.ts';

const userSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    orgId: { type: 'string' },
    orgName: { type: 'string' },
    orgLevel: { type: 'string' },
    windowId: { type: ['string', 'null'], description: '绑定的服务窗口' },
    active: { type: 'boolean' },
  },
} as const;

export function authRoutes(app: FastifyInstance, rt: Runtime): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 200: { type: 'object', properties: { token: { type: 'string' }, user: userSchema } }, ...errorResponses },
      },
    },
    async (request) => {
      const { token, user } = await login(rt.db, request.body.username, request.body.password, rt.now());
      const org = rt.orgs.get(user.orgId);
      return { token, user: { ...user, orgName: org?.name, orgLevel: org?.level } };
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: userSchema, ...errorResponses } } }, async (request) => {
    const user = currentUser(request);
    const org = rt.orgs.get(user.orgId);
    return { ...user, orgName: org?.name, orgLevel: org?.level };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录', response: noContent } }, async (request, reply) => {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token) await logout(rt.db, token);
    return reply.status(204).send();
  });
}
