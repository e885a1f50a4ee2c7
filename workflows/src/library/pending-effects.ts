// Effects are requests, not deeds: an action appends them to `context.pendingEffects`, and the
// run helpers hand them to the engine after the step and persist the snapshot without them.
import type { Effect } from '@bianmin/contract';
import type { WorkflowContext } from '../context.ts';

export function withEffects(context: WorkflowContext, ...effects: Effect[]): Pick<WorkflowContext, 'pendingEffects'> {
  return { pendingEffects: [...context.pendingEffects, ...effects] };
}
