// How a stored document gets its seal: which seal (item configuration over the issuing
// organisation's registry) and the signature over the rendered PDF. Implemented over the seal
// registry in seals/; kept as an interface so documents do not depend on how keys are held.
import type { Knex } from 'knex';
import type { Sql } from '../../store/index.ts';
import type { DocumentKind } from '@bianmin/contract';
import type { SealStampSpec } from '../../seals/index.ts';
import type { StoredDocument } from './store-document.ts';

export interface ChosenSeal {
  sealId: string;
  /** What the stamp shows; laid out where the PDF is rendered. */
  stamp: SealStampSpec;
}

/** A document about to be issued by a step: what its seal is chosen from. */
export interface DocumentToSeal {
  kind: DocumentKind;
  caseId: string;
  itemCode: string;
  issuerOrgId: string;
  /** The case's `documents` settings (item and overlay): a seal code or kind per document. */
  documents: readonly { kind: DocumentKind; seal?: string; sealKind?: string }[];
}

export interface SealRefusal {
  code: 'SEAL_NOT_FOUND' | 'SEAL_UNUSABLE';
  message: string;
}

export interface DocumentSealing {
  /**
   * Why the document could not be sealed now, or null: asked inside the step that issues it (`sql`
   * is its transaction), so a document is refused at the window instead of issued unsealed.
   */
  check(sql: Sql, doc: DocumentToSeal, at: Date): Promise<SealRefusal | null>;
  /** Tells the administrators of a refused document (after its step rolled back). */
  report(doc: DocumentToSeal, refusal: SealRefusal, at: Date): Promise<void>;
  /** The registry changed (a seal registered or revoked here): the next check reads it afresh. */
  forget(): void;
  /** The seal to press on a stored document; throws SEAL_NOT_FOUND / SEAL_UNUSABLE (and tells the administrators). */
  sealFor(doc: StoredDocument, at: Date): Promise<ChosenSeal>;
  sign(trx: Knex.Transaction, request: { sealId: string; documentId: string; documentNumber: string; pdf: Buffer; now: Date }): Promise<{ digest: string; signature: string }>;
}
