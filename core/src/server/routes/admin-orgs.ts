// Organisations, windows and users. An administrator manages what lies in the scope of their own
// organisation (a township admin: the township and its villages).
import type { FastifyInstance } from 'fastify';
import { ROLES } from '@bianmin/workflows';
import { createUser, listUsers, type NewUser } from '../../auth/index.ts';
import type { Role } from '@bianmin/contract';
import { AppError } from '../../errors/index.ts';
import { registerPluginSeals } from '../../runtime/register-plugin-seals.ts';
import { createOrg, createWindow, listWindows, type NewOrganisation } from '../../org/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { requireRole } from '../authentication.ts';
import { errorResponses, organisationSchema, userAccountSchema, windowSchema } from '../schemas.ts';

export function adminOrgRoutes(app: FastifyInstance, rt: Runtime): void {
  const inScope = (userOrgId: string, orgId: string, pointer: string) => {
    if (!rt.orgs.get(orgId)) throw new AppError('ORG_NOT_FOUND', undefined, [{ pointer, message: '组织不存在' }]);
    if (!rt.orgs.scope(userOrgId).has(orgId)) throw new AppError('FORBIDDEN', '只能管理本单位及下级单位');
  };

  app.get('/api/admin/orgs', { schema: { tags: ['admin'], summary: '组织机构', response: { 200: { type: 'array', items: organisationSchema }, ...errorResponses } } }, async (request) => {
    const user = requireRole(request, 'admin', 'supervisor', 'clerk', 'approver', 'head', 'agent');
    const scope = rt.orgs.scope(user.orgId);
    return rt.orgs.all().filter((o) => scope.has(o.id));
  });

  app.post<{ Body: NewOrganisation }>(
    '/api/admin/orgs',
    {
      schema: {
        tags: ['admin'],
        summary: '新建组织机构',
        body: {
          type: 'object',
          required: ['code', 'name', 'shortName', 'level', 'parentId'],
          additionalProperties: false,
          properties: {
            code: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 64 },
            name: { type: 'string', minLength: 2, maxLength: 200 },
            shortName: { type: 'string', minLength: 1, maxLength: 40 },
            level: { type: 'string', enum: ['county', 'township', 'village'] },
            parentId: { type: ['string', 'null'] },
            address: { type: 'string', maxLength: 300 },
            phone: { type: 'string', maxLength: 60 },
            reviewOrgan: { type: 'string', maxLength: 200 },
            court: { type: 'string', maxLength: 200 },
          },
        },
        response: { 201: organisationSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, 'admin');
      if (request.body.parentId) inScope(user.orgId, request.body.parentId, '/parentId');
      else if (rt.orgs.get(user.orgId)?.parentId) throw new AppError('FORBIDDEN', '只有县级管理员可以新建县级组织');
      const org = await createOrg(rt.db, request.body, rt.now());
      await rt.orgs.reload();
      // A new township gets the seals the plugins declare for its level, as the others got them at start.
      if (await registerPluginSeals(rt.db, rt.plugins.loaded, [org], rt.now(), (m) => request.log.warn(m))) rt.sealing?.forget();
      return reply.status(201).send(org);
    },
  );

  app.get('/api/admin/windows', { schema: { tags: ['admin'], summary: '服务窗口', response: { 200: { type: 'array', items: windowSchema }, ...errorResponses } } }, async (request) => {
    const user = requireRole(request, 'admin', 'supervisor', 'clerk', 'approver', 'head', 'agent');
    return listWindows(rt.db, rt.orgs.scope(user.orgId));
  });

  app.post<{ Body: { orgId: string; name: string; kind: 'general' | 'department' } }>(
    '/api/admin/windows',
    {
      schema: {
        tags: ['admin'],
        summary: '新建服务窗口',
        body: {
          type: 'object',
          required: ['orgId', 'name', 'kind'],
          additionalProperties: false,
          properties: {
            orgId: { type: 'string', minLength: 1 },
            name: { type: 'string', minLength: 1, maxLength: 100 },
            kind: { type: 'string', enum: ['general', 'department'] },
          },
        },
        response: { 201: windowSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, 'admin');
      inScope(user.orgId, request.body.orgId, '/orgId');
      return reply.status(201).send(await createWindow(rt.db, request.body, rt.now()));
    },
  );

  app.get('/api/admin/users', { schema: { tags: ['admin'], summary: '用户', response: { 200: { type: 'array', items: userAccountSchema }, ...errorResponses } } }, async (request) => {
    const user = requireRole(request, 'admin', 'supervisor');
    return listUsers(rt.db, rt.orgs.scope(user.orgId));
  });

  app.post<{ Body: NewUser }>(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: '新建用户',
        body: {
          type: 'object',
          required: ['username', 'name', 'password', 'orgId', 'roles'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', pattern: '^[A-Za-z0-9_.-]{2,64}$' },
            name: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: 8, maxLength: 200 },
            orgId: { type: 'string', minLength: 1 },
            roles: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ROLES } },
            windowId: { type: ['string', 'null'] },
          },
        },
        response: { 201: userAccountSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireRole(request, 'admin');
      inScope(user.orgId, request.body.orgId, '/orgId');
      const created = await createUser(rt.db, { ...request.body, roles: request.body.roles as Role[] }, rt.now());
      return reply.status(201).send(created);
    },
  );
}
