// Per-client rate limits (@fastify/rate-limit) on what anyone can call without an account or that
// costs an argon2 hash: sign-in, the public case lookup, online applications, evaluations and the
// verification of documents. Keyed by the client's address (behind a reverse proxy: BIANMIN_TRUST_PROXY=1
// so the address is the forwarded one). Over the limit: 429 RATE_LIMITED with the seconds to wait.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/index.ts';

/** Requests per client and minute, by method and route. */
export const RATE_LIMITS: ReadonlyArray<{ method: string; url: string; max: number; group?: string }> = [
  { method: 'POST', url: '/api/auth/login', max: 10 },
  { method: 'POST', url: '/api/auth/password', max: 10 },
  { method: 'GET', url: '/api/public/cases/:number', max: 20 },
  { method: 'POST', url: '/api/public/applications', max: 10 },
  { method: 'POST', url: '/api/public/cases/:number/evaluation', max: 10 },
  { method: 'GET', url: '/api/public/verify/:number', max: 30, group: 'verify' },
  { method: 'POST', url: '/api/public/verify/:number', max: 30, group: 'verify' },
  { method: 'GET', url: '/verify/:number', max: 30, group: 'verify' },
  { method: 'GET', url: '/api/public/documents/:file', max: 30 },
];

/**
 * Installs the limits; call before the routes register. `factor` multiplies every limit (the API
 * tests run a county's clerks and applicants from one address and raise it; its own test does not).
 */
export async function installRateLimits(app: FastifyInstance, factor = 1): Promise<void> {
  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    const limit = RATE_LIMITS.find((l) => l.url === route.url && methods.includes(l.method));
    if (!limit) return;
    route.config = { ...(route.config as object), rateLimit: { max: limit.max * factor, timeWindow: 60_000, ...(limit.group ? { groupId: limit.group } : {}) } };
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new AppError('RATE_LIMITED', `请求过于频繁，请 ${seconds} 秒后再试`, undefined, { retryAfterSeconds: seconds });
    },
  });
}
