// The deployment's security settings (docs/operations.md "Security"): read by any administrator,
// changed by a county administrator, each within its bounds.
import type { FastifyInstance } from 'fastify';
import { SECURITY_SETTING_BOUNDS, type SecuritySettings } from '../../auth/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { requireCountyAdmin, requireRole } from '../authentication.ts';
import { errorResponses } from '../schemas.ts';

const properties = Object.fromEntries(Object.entries(SECURITY_SETTING_BOUNDS).map(([name, [minimum, maximum]]) => [name, { type: 'integer', minimum, maximum }]));
const settingsSchema = { type: 'object', properties } as const;

export function securitySettingsRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get('/api/admin/security-settings', { schema: { tags: ['admin'], summary: '安全设置：密码策略、登录锁定、会话超时、审计保留期', response: { 200: settingsSchema, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin');
    return rt.security.reload();
  });

  app.put<{ Body: Partial<SecuritySettings> }>(
    '/api/admin/security-settings',
    { schema: { tags: ['admin'], summary: '修改安全设置（县级管理员）', body: { ...settingsSchema, additionalProperties: false, minProperties: 1 }, response: { 200: settingsSchema, ...errorResponses } } },
    async (request) => {
      const admin = requireCountyAdmin(request, rt.orgs);
      return rt.security.update(request.body, admin.id, rt.now());
    },
  );
}
