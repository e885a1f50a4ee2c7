// A document is never issued unsealed: a step whose planned documents have no usable seal is
// refused (409 SEAL_NOT_FOUND / SEAL_UNUSABLE) before anything of it is written. A read between
// planning, which says which documents the step issues, and writing.
import type { DocumentSealing } from '../documents/issuing/document-sealing.ts';
import { SealRefusedError } from '../documents/issuing/seal-refused-error.ts';
import type { Sql } from '../store/index.ts';
import type { StepPlan } from './step-plan.ts';

export async function refuseUnsealable(sql: Sql, sealing: Pick<DocumentSealing, 'check'>, plan: StepPlan): Promise<void> {
  const { record } = plan;
  for (const doc of plan.documents) {
    const toSeal = { kind: doc.kind, caseId: record.id, itemCode: record.itemCode, issuerOrgId: doc.facts.issuer.id, documents: record.settings.documents };
    const refusal = await sealing.check(sql, toSeal, doc.facts.at);
    if (refusal) throw new SealRefusedError(refusal, toSeal);
  }
}
