// recordReferral { to? }: the organ a case is referred to (告知谁办): REFER's payload.to, or the
// item's declared referral given as the param.
import type { LibraryAction } from '../implementation.ts';
import { optionalStringParam, paramsProblem } from '../params.ts';

export const recordReferral: LibraryAction = {
  run: ({ event, params }) => {
    const given = event.payload?.to;
    const to = typeof given === 'string' && given !== '' ? given : optionalStringParam(params, 'to');
    if (to === undefined) throw new Error('recordReferral: REFER names no organ and the item declares no referral');
    return { referredTo: to };
  },
  checkParams: (params) => paramsProblem(() => optionalStringParam(params, 'to')),
};
