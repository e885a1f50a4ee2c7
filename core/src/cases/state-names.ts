// States as a person at the counter reads them: the top-level state in Chinese and, inside it, the
// step's own name (初审, 现场勘查 …) — never an id such as `dataReview`.
import type { ItemDefinition } from '@bianmin/contract';

/** The same words as the web app's (admin-ui/src/i18n/zh-CN.ts `states`). */
export const STATE_NAMES: Readonly<Record<string, string>> = {
  received: '已收件',
  correcting: '补齐补正中',
  supplementing: '退回补充中',
  accepted: '已受理',
  reviewing: '审查中',
  reported: '已上报',
  approved: '准予',
  denied: '不予',
  sealing: '用印中',
  delivering: '待送达',
  concluded: '已办结',
  returned: '退办',
  withdrawn: '已撤回',
  handingBack: '退还材料',
  signingOff: '待签收',
  closed: '已关闭',
  review: '审核',
};

const CJK = /[\u4e00-\u9fa5]/;

/** Name of one state node: the item's step name, the shared word, or a Chinese description the config gives. */
function nodeName(item: ItemDefinition, id: string, config: unknown): string | undefined {
  const step = item.procedure.reviewSteps?.find((s) => s.id === id);
  if (step) return step.name;
  if (STATE_NAMES[id]) return STATE_NAMES[id];
  const description = (config as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' && CJK.test(description) ? description.split(/[:：]/)[0]!.trim() : undefined;
}

/**
 * `reviewing.firstReview` → 审查中 · 初审. `config` is the item's machine config (for a plugin's own
 * step names); a step that has no name anywhere reads 办理中 rather than its id.
 */
export function stateName(item: ItemDefinition, state: string, config?: { states?: Record<string, unknown> }): string {
  const names: string[] = [];
  let node: { states?: Record<string, unknown> } | undefined = config;
  for (const id of state.split('.')) {
    node = node?.states?.[id] as typeof node;
    names.push(nodeName(item, id, node) ?? '办理中');
  }
  return names.join(' · ');
}
