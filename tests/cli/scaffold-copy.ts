// A scaffolded plugin made once per test file and copied for each variation, so the tests that
// break one thing each do not pay for `plugin new` every time.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.ts';

const made: string[] = [];

function temporaryDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `bianmin-cli-${label}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder this module made (call from afterAll). */
export function removeTemporaryDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export async function scaffold(name: string, kind = 'promised'): Promise<string> {
  const parent = temporaryDir(name);
  const result = await runCli(['plugin', 'new', name, '--dir', parent, '--kind', kind]);
  if (result.code !== 0) throw new Error(`plugin new failed: ${result.stderr}${result.stdout}`);
  return join(parent, name);
}

export function copyPlugin(dir: string, label: string): string {
  const copy = join(temporaryDir(label), 'plugin');
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export function editJson(file: string, edit: (value: any) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8'));
  edit(value);
  writeFileSync(file, JSON.stringify(value, null, 2));
}
