// What the audit log records of each request (audit/audit-log.ts), decided in one place so no route
// can forget it: sign-ins with their outcome, every successful change and every refused one, each
// read of a case's full personal data (the case page) or of an issued document, and every export
// (a spreadsheet or CSV answer). It records the route and its parameters, never a body (passwords,
// personal data) nor a token.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditLog } from '../audit/index.ts';

/** GET routes that show personal data unmasked. */
const PERSONAL_READS: Record<string, string> = {
  '/api/cases/:id': 'case.read',
  '/api/documents/:file': 'document.read',
};

function actionOf(request: FastifyRequest, reply: FastifyReply): string | null {
  const route = request.routeOptions.url;
  if (!route || !route.startsWith('/api/')) return null;
  if (route === '/api/auth/login') return reply.statusCode === 200 ? 'auth.login' : 'auth.login-failed';
  if (route === '/api/auth/logout') return 'auth.logout';
  if (route === '/api/auth/password') return reply.statusCode === 200 ? 'auth.password-changed' : null;
  if (request.method === 'GET' || request.method === 'HEAD') {
    if (reply.statusCode >= 300) return null;
    if (PERSONAL_READS[route]) return PERSONAL_READS[route];
    return /spreadsheet|text\/csv/.test(String(reply.getHeader('content-type') ?? '')) ? 'export' : null;
  }
  if (!request.user) return null;
  if (reply.statusCode < 400) return `${request.method} ${route}`;
  return reply.statusCode === 403 ? `denied ${request.method} ${route}` : null;
}

/** An export's filters, with any run of digits long enough to be a phone or ID number masked. */
function filtersOf(query: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) out[k] = String(v).replace(/\d{7,}[0-9Xx]?/g, '***');
  return out;
}

export function installAuditHook(app: FastifyInstance, audit: AuditLog, now: () => Date): void {
  app.addHook('onResponse', async (request, reply) => {
    const action = actionOf(request, reply);
    if (!action) return;
    const params = request.params as Record<string, string> | undefined;
    const typed = action.startsWith('auth.login') ? String((request.body as { username?: unknown } | undefined)?.username ?? '').slice(0, 64) : null;
    audit.record({
      at: now(),
      actorId: request.user?.id ?? null,
      actor: request.user?.username ?? typed,
      orgId: request.user?.orgId ?? null,
      action,
      target: params && Object.keys(params).length > 0 ? JSON.stringify(params) : null,
      status: reply.statusCode,
      ip: request.ip,
      detail: action === 'export' ? { url: request.url.split('?')[0], query: filtersOf(request.query) } : null,
    });
  });
}
