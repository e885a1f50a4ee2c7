// How a stored document gets its seal: which seal (item configuration over the issuing
// organisation's registry) and the signature over the rendered PDF. Implemented over the seal
// registry in seals/; kept as an interface so documents do not depend on how keys are held.
import type { Knex } from 'knex';
import type { SealStampSpec } from '../../seals/index.ts';
import type { StoredDocument } from './store-document.ts';

export interface ChosenSeal {
  sealId: string;
  /** What the stamp shows; laid out where the PDF is rendered. */
  stamp: SealStampSpec;
}

export interface DocumentSealing {
  sealFor(doc: StoredDocument): Promise<ChosenSeal | null>;
  sign(trx: Knex.Transaction, request: { sealId: string; documentId: string; documentNumber: string; pdf: Buffer; now: Date }): Promise<{ digest: string; signature: string }>;
}
