// Builds admin-ui/dist when it is missing or older than any source file, so the server serves today's app.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_UI } from './paths.ts';

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureBuilt(): void {
  const index = `${ADMIN_UI}dist/index.html`;
  const sources = Math.max(newest(`${ADMIN_UI}src`), statSync(`${ADMIN_UI}index.html`).mtimeMs, statSync(`${ADMIN_UI}vite.config.ts`).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs > sources) return;
  // vitest runs with NODE_ENV=test, which would give a development build (React and antd warnings).
  execFileSync(process.execPath, [`${ADMIN_UI}../node_modules/vite/bin/vite.js`, 'build'], {
    cwd: ADMIN_UI,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
