// notify { template, to }: ask the core to send a progress message through the outbox.
import type { LibraryAction } from '../implementation.ts';
import { oneOfParam, paramsProblem, stringParam } from '../params.ts';
import { withEffects } from '../pending-effects.ts';

const RECIPIENTS = ['applicant', 'staff'] as const;

export const notify: LibraryAction = {
  run: ({ context, params }) =>
    withEffects(context, {
      type: 'notify',
      template: stringParam(params, 'template'),
      to: oneOfParam(params, 'to', RECIPIENTS),
    }),
  checkParams: (params) =>
    paramsProblem(() => [stringParam(params, 'template'), oneOfParam(params, 'to', RECIPIENTS)]),
};
