// sign { role }: the sending user signs in the given capacity (经办人 clerk, 审批员 approver).
// 最多签两次: a case concludes with at most two signatures, so a third is refused outright —
// the event fails and the engine does not persist it.
import type { Role } from '@bianmin/contract';
import type { LibraryAction } from '../implementation.ts';
import { oneOfParam, paramsProblem } from '../params.ts';
import { ROLES } from '../vocabulary.ts';

export const MAX_SIGNATURES = 2;

export const sign: LibraryAction = {
  run: ({ context, event, params }) => {
    const role: Role = oneOfParam(params, 'role', ROLES);
    if (context.signatures.length >= MAX_SIGNATURES) {
      throw new Error(`sign: a case carries at most ${MAX_SIGNATURES} signatures`);
    }
    if (event.actor === undefined) throw new Error('sign: the event has no actor to sign');
    return { signatures: [...context.signatures, { role, userId: event.actor.userId, at: event.at ?? '' }] };
  },
  checkParams: (params) => paramsProblem(() => oneOfParam(params, 'role', ROLES)),
};
