// The first start in a fresh data folder (issue 18 points 9 and 15): the folder and the database file
// private to the server's user, the admin password generated into a private file and never printed,
// the demo users' password never printed either.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../core/src/runtime/create-runtime.ts';
import { buildServer } from '../../core/src/server/build-server.ts';
import { openDatabase } from '../../core/src/store/index.ts';
import { writeTestPlugin } from '../support/test-items.ts';

describe('first start in a new data folder', () => {
  it('makes the folder 0700 and its files 0600, and writes the generated admin password to a file instead of the log', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'bianmin-first-')), 'data');
    const db = openDatabase({ dataDir: data });
    const started = await createRuntime({ db, env: { BIANMIN_DATA: data }, pluginFolders: [writeTestPlugin(join(data, '..', 'plugin'))], onlyPluginFolders: true, channels: [], sealing: null });
    try {
      expect(statSync(data).mode & 0o777).toBe(0o700);
      for (const file of ['bianmin.sqlite', 'instance-secret', 'admin-password']) expect(statSync(join(data, file)).mode & 0o777, file).toBe(0o600);
      const password = readFileSync(join(data, 'admin-password'), 'utf8').trim();
      expect(password.length).toBeGreaterThanOrEqual(16);
      const report = JSON.stringify(started.seed);
      expect(report).not.toContain(password);
      expect(report).not.toContain('bianmin-demo');
      expect(started.seed.signIns[0]).toMatchObject({ username: 'admin', passwordNote: expect.stringContaining(join(data, 'admin-password')) });
      const app = await buildServer(started.runtime, { webRoot: '/nonexistent' });
      const signIn = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password } });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json().user.mustChangePassword).toBe(true);
      await app.close();
    } finally {
      await started.close();
      await db.destroy();
    }
  });
});
