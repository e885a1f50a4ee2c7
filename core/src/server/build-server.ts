// The HTTP server: fastify 5 with JSON Schema on every route, OpenAPI at /api/openapi.json, the
// error catalogue for every failure, and the built web app served as static files.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { redactIdNumbers } from '../privacy/index.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { installAuthentication } from './authentication.ts';
import { installErrorHandling } from './error-handler.ts';
import { installRequestValidation } from './request-validation.ts';
import { reportResponseCuts } from './response-cuts.ts';
import { caseViewComponent } from './case-view-schema.ts';
import { ROUTES } from './routes/index.ts';
import { errorSchema } from './schemas.ts';

export interface ServerOptions {
  logger?: boolean;
  /** Where the log goes instead of stdout (tests read it). */
  logStream?: NodeJS.WritableStream;
  /** Folder of the built web app; default admin-ui/dist of this repository. */
  webRoot?: string;
  bodyLimit?: number;
  /** Told of every request (the idle PDF renderer waits for quiet). */
  onRequest?: () => void;
  /** Told of every answer its response schema changed (a field it lacks, a value it coerced); tests fail on it. */
  onResponseCut?: (route: string, cuts: string[]) => void;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../admin-ui/dist/', import.meta.url));

/**
 * Vite names every file under assets/ by its content hash: a browser may keep it for a year without
 * asking again. index.html names the current hashes, so it is checked on every load.
 */
export function cacheControlFor(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function buildServer(rt: Runtime, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // A request's URL is logged with the ID numbers in it masked: a search by 身份证号 carries one in `q`.
    logger: options.logger
      ? {
          level: 'info',
          ...(options.logStream ? { stream: options.logStream } : {}),
          serializers: {
            req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactIdNumbers(req.url), remoteAddress: req.ip }),
          },
        }
      : false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
  });
  installRequestValidation(app);
  if (options.onRequest) {
    const notify = options.onRequest;
    app.addHook('onRequest', async () => notify());
  }
  installErrorHandling(app);
  if (options.onResponseCut) reportResponseCuts(app, options.onResponseCut);
  installAuthentication(app, rt.db, rt.now);
  // Shapes many routes answer with are registered once and referenced ($ref 'Name#'): one
  // component each in the OpenAPI (named by $id) and in admin-ui's generated types.
  for (const schema of [errorSchema, caseViewComponent]) app.addSchema(schema);
  await app.register(fastifySwagger, {
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      info: { title: 'Bianmin 便民 API', version: '1.0.0', description: '镇村便民服务平台 HTTP 接口' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  for (const register of ROUTES) register(app, rt);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      // The build writes .br and .gz beside each asset (admin-ui/scripts/precompress.ts): sent as
      // they are, at brotli's best ratio and no CPU per request.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', cacheControlFor(path)),
    });
    // The web app routes in the browser: any non-API GET that is not a file gets index.html; a
    // hashed asset that is not there (an old build's) is a 404, not the page.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/') || request.url.startsWith('/assets/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  await app.ready();
  return app;
}
