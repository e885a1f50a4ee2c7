// `plugin new --kind` for the kinds the lifecycle test does not walk: each scaffold must load
// cleanly and its happy-path fixture must replay, whatever the kind (a scaffold that starts red
// teaches authors to ignore the checks).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { removeTemporaryDirs, scaffold } from './scaffold-copy.ts';

const KINDS = [
  { kind: 'immediate', lastState: 'concluded' },
  { kind: 'reported', lastState: 'concluded' },
  { kind: 'returned', lastState: 'returned.closed' },
] as const;

afterAll(removeTemporaryDirs);

describe('plugin new --kind', () => {
  it('scaffolds immediate, reported and returned items that pass check and test', async () => {
    const outcomes = await Promise.all(
      KINDS.map(async ({ kind, lastState }) => {
        const dir = await scaffold(`kind-${kind}`, kind);
        const code = `kind-${kind}-application`;
        const item = JSON.parse(readFileSync(join(dir, 'items', code, 'item.json'), 'utf8'));
        const fixture = JSON.parse(readFileSync(join(dir, 'items', code, 'test', 'cases', 'happy-path.json'), 'utf8'));
        const check = await runCli(['plugin', 'check', dir]);
        const test = await runCli(['plugin', 'test', dir]);
        return { kind, lastState, item, fixture, check, test };
      }),
    );
    for (const { kind, lastState, item, fixture, check, test } of outcomes) {
      expect(item.procedure.kind).toBe(kind);
      expect(fixture.steps.at(-1).expect.state).toBe(lastState);
      expect(check.code, `${kind} check: ${check.stdout}${check.stderr}`).toBe(0);
      expect(test.code, `${kind} test: ${test.stdout}${test.stderr}`).toBe(0);
      expect(test.stdout).toContain('1 个通过，0 个失败');
    }
  }, 300_000);
});
