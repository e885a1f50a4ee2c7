// The server's OpenAPI document without a deployment: the full server over an empty in-memory store
// (no plugins, no demo county — the routes do not depend on them). admin-ui's API types are
// generated from it (scripts/api-types.ts).
import { createRuntime } from '../runtime/create-runtime.ts';
import { openDatabase } from '../store/index.ts';
import { buildServer } from './build-server.ts';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const started = await createRuntime({
    db: openDatabase({ dataDir: ':memory:' }),
    env: { BIANMIN_DEMO: '0', BIANMIN_ADMIN_PASSWORD: 'openapi-document-only', BIANMIN_SECRET: 'openapi-document-only-not-a-deployment' },
    pluginFolders: [],
    onlyPluginFolders: true,
    channels: [],
  });
  const app = await buildServer(started.runtime, { webRoot: '/nonexistent' });
  try {
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await started.close();
    await started.runtime.db.destroy();
  }
}
