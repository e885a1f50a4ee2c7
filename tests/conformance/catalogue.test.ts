// One conformance suite over every shipped plugin: each loads without a problem, each item's form
// generates TypeScript types, and every scenario fixture reaches its expected states and documents
// through the real runtime — with the case history replaying to the stored snapshot.
import { readFileSync } from 'node:fs';
import { generateFormTypes } from '../../cli/src/form-types/generate-form-types.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../core/src/plugin-loading/index.ts';
import { runScenario, scenarioRuntime, type ScenarioRuntime } from '../../core/src/scenarios/index.ts';

let rt: ScenarioRuntime;
beforeAll(async () => {
  rt = await scenarioRuntime();
}, 120_000);
afterAll(() => rt?.close());

describe('shipped catalogue', () => {
  it('loads every plugin without refusal', () => {
    expect(rt.runtime.plugins.refused.map((p) => `${p.name}: ${p.problems.map(formatProblem).join('; ')}`)).toEqual([]);
    expect(rt.runtime.plugins.loaded.length).toBeGreaterThan(0);
  });

  it('generates TypeScript types for every item form', async () => {
    for (const entry of rt.runtime.registry.list()) {
      const typeName = entry.definition.code.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()) + "Data";
      const source = await generateFormTypes(entry.definition.form.schema, typeName);
      expect(source, entry.definition.code).toMatch(/export (interface|type) /);
    }
  });

  it('replays every scenario fixture to its expected states and documents', async () => {
    const failures: string[] = [];
    let count = 0;
    for (const plugin of rt.runtime.plugins.loaded) {
      for (const file of plugin.scenarioFiles) {
        count += 1;
        const outcome = await runScenario(rt.runtime, rt.clock, file, JSON.parse(readFileSync(file, 'utf8')));
        for (const f of outcome.failures) failures.push(`${file} (${outcome.name}): ${f}`);
      }
    }
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(0);
  }, 300_000);
});
