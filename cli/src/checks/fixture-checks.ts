// Checks of a plugin's scenario fixtures that need no runtime: each is JSON, matches
// scenario.schema.json, names an item the server would have, and only that item's materials.
// Replaying them is `plugin test`; these catch a typo before the slow part.
import { readFileSync } from 'node:fs';
import { pointerTo, scenarioSchema, type ItemDefinition, type Scenario } from '@bianmin/contract';
import type { PluginProblem } from '@bianmin/core/plugin-loading';
import { createAjv, toFormErrors } from '@bianmin/forms';

const validateScenario = createAjv().compile(scenarioSchema);

/**
 * `eventTypes`: the events an item's procedure takes, when the plugin loads (a step sending any
 * other would only fail at `plugin test`, or never be noticed in a step expected to be refused).
 */
export function checkFixture(
  file: string,
  items: readonly ItemDefinition[],
  otherItemCodes: ReadonlySet<string>,
  eventTypes?: (item: ItemDefinition) => ReadonlySet<string>,
): PluginProblem[] {
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
  const problems: PluginProblem[] = Object.keys(scenario.materials ?? {})
    .filter((id) => !materialIds.has(id))
    .map((id) => ({ file, pointer: pointerTo('/materials', id), message: `材料 ${id} 不在事项 ${item.code} 的材料清单中` }));
  const events = eventTypes?.(item);
  if (events) {
    scenario.steps.forEach((step, i) => {
      // A bundle's step may go to a child case, whose item's procedure takes other events.
      if (step.child || events.has(step.event)) return;
      problems.push({ file, pointer: `/steps/${i}/event`, message: `事项 ${item.code} 的办理流程没有事件 ${step.event}（可用：${[...events].sort().join('、')}）` });
    });
  }
  return problems;
}
