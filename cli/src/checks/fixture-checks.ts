// Checks of a plugin's scenario fixtures that need no runtime: each is JSON, matches
// scenario.schema.json, names an item the server would have, and only that item's materials.
// Replaying them is `plugin test`; these catch a typo before the slow part.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { scenarioSchema, type ItemDefinition, type Scenario } from '@bianmin/contract';
import type { PluginProblem } from '@bianmin/core/plugin-loading';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateScenario = ajv.compile(scenarioSchema);

function describe(file: string, error: ErrorObject): PluginProblem {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { file, pointer: `${error.instancePath}/${String(params.missingProperty)}`, message: '缺少必填字段' };
    case 'additionalProperties':
      return { file, pointer: `${error.instancePath}/${String(params.additionalProperty)}`, message: '不允许的字段' };
    case 'enum':
      return { file, pointer: error.instancePath, message: `取值必须是 ${(params.allowedValues as unknown[]).join(' / ')} 之一` };
    default:
      return { file, pointer: error.instancePath, message: error.message ?? error.keyword };
  }
}

export function checkFixture(file: string, items: readonly ItemDefinition[], otherItemCodes: ReadonlySet<string>): PluginProblem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return [{ file, pointer: '', message: `不是合法的 JSON：${(err as Error).message}` }];
  }
  if (!validateScenario(raw)) return (validateScenario.errors ?? []).map((e) => describe(file, e));
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
    .map((id) => ({ file, pointer: `/materials/${id.replaceAll('~', '~0').replaceAll('/', '~1')}`, message: `材料 ${id} 不在事项 ${item.code} 的材料清单中` }));
}
