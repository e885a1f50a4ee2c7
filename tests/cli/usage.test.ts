// The command line itself: help for every command, usage and exit code 2 for what is not a
// command, and `new` never writing into a folder that already holds something.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('bianmin plugin usage', () => {
  it('prints help for the group and each command with exit code 0', async () => {
    const results = await Promise.all([['--help'], ['new', '--help'], ['check', '-h'], ['types', '--help'], ['test', '--help']].map((a) => runCli(['plugin', ...a])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(results[0]!.stdout).toMatch(/new[\s\S]*check[\s\S]*types[\s\S]*test/);
    expect(results[1]!.stdout).toContain('bianmin plugin new <名称>');
    expect(results[2]!.stdout).toContain('文件#JSON指针: 说明');
    expect(results[3]!.stdout).toContain('--out');
    expect(results[4]!.stdout).toContain('场景用例');
  }, 60_000);

  it('answers an unknown command, an unknown option or a missing argument with usage and exit code 2', async () => {
    const [command, option, argument, kind] = await Promise.all([
      runCli(['plugin', 'publish']),
      runCli(['plugin', 'check', '.', '--fast']),
      runCli(['plugin', 'types']),
      runCli(['plugin', 'new', 'x-demo', '--kind', 'urgent', '--dir', tmpdir()]),
    ]);
    for (const r of [command, option, argument, kind]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('用法：bianmin plugin');
    }
    expect(command.stderr).toContain('未知命令 plugin publish');
    expect(kind.stderr).toContain('办件类型 urgent 无效');
  }, 60_000);

  it('refuses to scaffold into a folder that is not empty, touching nothing', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'bianmin-cli-exists-'));
    mkdirSync(join(parent, 'taken'));
    writeFileSync(join(parent, 'taken', 'notes.txt'), 'mine');
    const result = await runCli(['plugin', 'new', 'taken', '--dir', parent]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('已存在且不为空');
    expect(readFileSync(join(parent, 'taken', 'notes.txt'), 'utf8')).toBe('mine');
    rmSync(parent, { recursive: true, force: true });
  }, 60_000);
});
