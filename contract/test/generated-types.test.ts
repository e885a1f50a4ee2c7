// The generated types are the schemas' TypeScript: a schema edited without `npm run types -w
// contract` must fail the tests, and the check must see a stale file for what it is.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { updateContractTypes } from '../scripts/generate-types.ts';

const CONTRACT = fileURLToPath(new URL('../', import.meta.url));
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyOfContract(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-contract-'));
  copies.push(dir);
  for (const part of ['schemas', 'src']) cpSync(join(CONTRACT, part), join(dir, part), { recursive: true });
  return dir;
}

describe('the contract types', () => {
  it('are what the schemas generate (`npm run types:check -w contract` exits 0)', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/generate-types.ts', '--check'], { cwd: CONTRACT });
    expect(stderr + stdout).toBe('');
  });

  it('are reported stale, and left alone, when a schema changed without them', async () => {
    const dir = copyOfContract();
    const file = join(dir, 'schemas', 'scenario.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.properties.note = { type: 'string' };
    writeFileSync(file, JSON.stringify(schema));
    const before = readFileSync(join(dir, 'src', 'scenario.generated.ts'), 'utf8');
    expect(await updateContractTypes({ check: true, contractDir: dir })).toEqual(['src/scenario.generated.ts']);
    expect(readFileSync(join(dir, 'src', 'scenario.generated.ts'), 'utf8')).toBe(before);
    expect(await updateContractTypes({ check: false, contractDir: dir })).toEqual(['src/scenario.generated.ts']);
    expect(readFileSync(join(dir, 'src', 'scenario.generated.ts'), 'utf8')).toMatch(/note\?: string/);
    expect(await updateContractTypes({ check: true, contractDir: dir })).toEqual([]);
  });
});
