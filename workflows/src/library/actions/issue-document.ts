// issueDocument { kind }: ask the core to number, render and seal one statutory document.
import type { LibraryAction } from '../implementation.ts';
import { oneOfParam, paramsProblem } from '../params.ts';
import { withEffects } from '../pending-effects.ts';
import { DOCUMENT_KINDS } from '../vocabulary.ts';

export const issueDocument: LibraryAction = {
  run: ({ context, params }) =>
    withEffects(context, { type: 'issueDocument', kind: oneOfParam(params, 'kind', DOCUMENT_KINDS) }),
  checkParams: (params) => paramsProblem(() => oneOfParam(params, 'kind', DOCUMENT_KINDS)),
};
