// One composer per document kind of docs DOCUMENTS.md; the case engine calls this one.
import type { DocumentKind } from '@bianmin/contract';
import { composeAcceptanceReceipt } from './compose/acceptance-receipt.ts';
import { composeDecision } from './compose/decision.ts';
import { composeDeliveryReceipt } from './compose/delivery-receipt.ts';
import { composeMaterialsReturned } from './compose/materials-returned.ts';
import { composeOneTimeNotice } from './compose/one-time-notice.ts';
import { composeReferralNotice } from './compose/referral-notice.ts';
import { composeRefusalDecision } from './compose/refusal-decision.ts';
import { composeResult } from './compose/result.ts';
import type { DocumentContent } from './document-content.ts';
import type { DocumentInput } from './document-input.ts';

const COMPOSERS: Record<DocumentKind, (input: DocumentInput) => DocumentContent> = {
  'acceptance-receipt': composeAcceptanceReceipt,
  'one-time-notice': composeOneTimeNotice,
  'refusal-decision': composeRefusalDecision,
  'referral-notice': composeReferralNotice,
  decision: composeDecision,
  result: composeResult,
  'delivery-receipt': composeDeliveryReceipt,
  'materials-returned': composeMaterialsReturned,
};

export function composeDocument(input: DocumentInput): DocumentContent {
  return COMPOSERS[input.kind](input);
}
