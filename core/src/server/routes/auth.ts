import type { FastifyInstance } from 'fastify';
import { changeOwnPassword, login, logout, type User } from '../../auth/index.ts';
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
    mustChangePassword: { type: 'boolean', description: '须先修改密码（管理员重置、首次登录或密码已过期）' },
  },
} as const;

const signInSchema = { type: 'object', properties: { token: { type: 'string' }, user: userSchema } } as const;

export function authRoutes(app: FastifyInstance, rt: Runtime): void {
  const withOrg = (user: User) => {
    const org = rt.orgs.get(user.orgId);
    return { ...user, orgName: org?.name, orgLevel: org?.level };
  };

  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录（连续失败将锁定账户：423 附解锁时间）',
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 200: signInSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { token, user } = await login(rt.db, request.body.username, request.body.password, rt.now(), rt.security.current());
      return { token, user: withOrg(user) };
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: userSchema, ...errorResponses } } }, async (request) => withOrg(currentUser(request)));

  app.post<{ Body: { current: string; next: string } }>(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改本人密码（结束本人全部会话，返回新的会话）',
        body: {
          type: 'object',
          required: ['current', 'next'],
          additionalProperties: false,
          properties: { current: { type: 'string', minLength: 1, maxLength: 200 }, next: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 200: signInSchema, ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const settings = rt.security.current();
      await changeOwnPassword(rt.db, user, request.body.current, request.body.next, settings, rt.now());
      const signIn = await login(rt.db, user.username, request.body.next, rt.now(), settings);
      return { token: signIn.token, user: withOrg(signIn.user) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录', response: noContent } }, async (request, reply) => {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token) await logout(rt.db, token);
    return reply.status(204).send();
  });
}
