// A scaffolded plugin made once per test file and copied for each variation, so the tests that
// break one thing each do not pay for `plugin new` every time.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';

export async function scaffold(name: string, kind = 'promised'): Promise<string> {
  const parent = mkdtempSync(join(tmpdir(), 'bianmin-cli-'));
  const result = await runCli(['plugin', 'new', name, '--dir', parent, '--kind', kind]);
  if (result.code !== 0) throw new Error(`plugin new failed: ${result.stderr}${result.stdout}`);
  return join(parent, name);
}

export function copyPlugin(dir: string, label: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), `bianmin-cli-${label}-`)), 'plugin');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export function editJson(file: string, edit: (value: any) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8'));
  edit(value);
  writeFileSync(file, JSON.stringify(value, null, 2));
}
