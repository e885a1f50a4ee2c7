// A real server for API tests: the full runtime on a fresh database (in-memory SQLite or its own
// PostgreSQL schema), driven through fastify's HTTP stack with inject().
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createRuntime, type RuntimeOptions, type StartedRuntime } from '../../core/src/runtime/create-runtime.ts';
import { buildServer } from '../../core/src/server/build-server.ts';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from '../../core/test/test-database.ts';
import { writeTestPlugin } from './test-items.ts';

export const DEMO_PASSWORD = 'bianmin-demo';
export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestServer {
  app: FastifyInstance;
  started: StartedRuntime;
  database: TestDatabase;
  pluginDir: string;
  clock: { now: Date };
  login(username: string, password?: string): Promise<string>;
  call<T = any>(token: string | null, method: InjectOptions['method'], url: string, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startTestServer(options: { kind?: TestDatabaseKind; runtime?: Partial<RuntimeOptions>; env?: NodeJS.ProcessEnv; shippedPlugins?: boolean } = {}): Promise<TestServer> {
  const database = await createTestDatabase(options.kind ?? 'sqlite', { migrate: false });
  const pluginDir = writeTestPlugin(join(mkdtempSync(join(tmpdir(), 'bianmin-test-')), 'plugin-test'));
  const clock = { now: new Date('2025-03-03T09:00:00+08:00') };
  const started = await createRuntime({
    db: database.db,
    env: { BIANMIN_ADMIN_PASSWORD: ADMIN_PASSWORD, BIANMIN_SECRET: 'test-secret-test-secret-test-secret!', ...options.env },
    pluginFolders: [pluginDir],
    onlyPluginFolders: !options.shippedPlugins,
    now: () => new Date(clock.now),
    channels: [],
    publicBaseUrl: 'http://127.0.0.1:3000',
    ...options.runtime,
  });
  // An answer its route's response schema cut fails the request that got it (core/src/server/response-cuts.ts).
  const cuts: string[] = [];
  const app = await buildServer(started.runtime, { webRoot: '/nonexistent', onResponseCut: (route, found) => cuts.push(`${route}: ${found.slice(0, 10).join(', ')}`) });
  const tokens = new Map<string, string>();
  const server: TestServer = {
    app,
    started,
    database,
    pluginDir,
    clock,
    async login(username, password) {
      // Sessions last 12 hours of the server's clock, which tests move: one sign-in per user and hour.
      const key = `${username}@${Math.floor(clock.now.getTime() / 3600_000)}`;
      const cached = tokens.get(key);
      if (cached) return cached;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: password ?? (username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD) } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const token = res.json().token as string;
      tokens.set(key, token);
      return token;
    },
    async call(token, method, url, body) {
      const res = await app.inject({
        method,
        url,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
      });
      if (cuts.length > 0) throw new Error(`the response schema cut the answer of ${cuts.splice(0).join('; ')} — declare them in the route's response schema`);
      const type = String(res.headers['content-type'] ?? '');
      return { status: res.statusCode, body: type.includes('json') ? res.json() : (res.rawPayload as unknown) } as { status: number; body: any };
    },
    async close() {
      await app.close();
      await started.close();
      await database.destroy();
    },
  };
  return server;
}
