import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../runtime/runtime.ts';

export function healthRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: '服务健康状态',
        response: {
          '2xx': {
            type: 'object',
            properties: {
              ok: { type: 'boolean' },
              db: { type: 'string' },
              plugins: { type: 'object', properties: { loaded: { type: 'integer' }, refused: { type: 'integer' } } },
            },
          },
        },
      },
    },
    async (_request, reply) => {
      let db = rt.db.client.config.client === 'pg' ? 'postgresql' : 'sqlite';
      let ok = true;
      try {
        await rt.db.raw('select 1');
      } catch {
        ok = false;
        db = `${db}: unavailable`;
      }
      return reply.status(ok ? 200 : 503).send({ ok, db, plugins: { loaded: rt.plugins.loaded.length, refused: rt.plugins.refused.length } });
    },
  );
}
