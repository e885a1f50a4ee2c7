// Checks of a plugin's scenario fixtures that need no runtime: each is JSON, matches
// scenario.schema.json, names an item the server would have, and only that item's materials.
// Replaying them is `plugin test`; these catch a typo before the slow part.
import { readFileSync } from 'node:fs';
import { pointerTo, scenarioSchema, type ItemDefinition, type Scenario } from '@bianmin/contract';
import type { PluginProblem } from '@bianmin/core/plugin-loading';
import { createAjv, toFormErrors } from '@bianmin/forms';

const validateScenario = createAjv().compile(scenarioSchema);

export function checkFixture(file: string, items: readonly ItemDefinition[], otherItemCodes: ReadonlySet<string>): PluginProblem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return [{ file, pointer: '', message: `不是合法的 JSON：${(err as Error).message}` }];
  }
  if (!validateScenario(raw)) return toFormErrors(validateScenario.errors ?? []).map(({ pointer, message }) => ({ file, pointer, message }));
  const scenario = raw as unknown as Scenario;
  const item = items.find((i) => i.code === scenario.item && (!scenario.itemVersion || i.version === scenario.itemVersion));
  if (!item) {
    if (otherItemCodes.has(scenario.item)) return [];
    const version = scenario.itemVersion ? ` ${scenario.itemVersion} 版` : '';
    return [{ file, pointer: '/item', message: `事项 ${scenario.item}${version} 不在本插件中` }];
  }
  const materialIds = new Set(item.materials.map((m) => m.id));
  return Object.keys(scenario.materials ?? {})
    .filter((id) => !materialIds.has(id))
    .map((id) => ({ file, pointer: pointerTo('/materials', id), message: `材料 ${id} 不在事项 ${item.code} 的材料清单中` }));
}
