// Whether this machine can run the browser suites: Chromium (Debian's, or BIANMIN_CHROMIUM) and the
// server entry. Off CI a machine without them skips those suites; on CI (CI set) it fails instead.
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CHROMIUM, SERVER_ENTRY } from './paths.ts';

const missing = [SERVER_ENTRY, CHROMIUM].filter((path) => !existsSync(path));
export const BROWSER_READY = missing.length === 0;

/** Call at the top of a browser suite: a failing test on CI when the browser is missing. */
export function failOnCiWithoutBrowser(): void {
  it.runIf(!BROWSER_READY && Boolean(process.env.CI))('runs on CI: Chromium and the server entry are present', () => {
    expect(missing, 'install Debian chromium or set BIANMIN_CHROMIUM').toEqual([]);
  });
}
