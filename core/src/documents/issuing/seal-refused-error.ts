// A document refused for want of a usable seal: 409 SEAL_NOT_FOUND or SEAL_UNUSABLE with the reason,
// carrying the document it was about so the administrators can be told once the step rolled back.
import { AppError } from '../../errors/index.ts';
import type { DocumentToSeal, SealRefusal } from './document-sealing.ts';

export class SealRefusedError extends AppError {
  readonly document: DocumentToSeal;
  readonly refusal: SealRefusal;

  constructor(refusal: SealRefusal, document: DocumentToSeal) {
    super(refusal.code, refusal.message, [{ pointer: `/documents/${document.kind}`, message: refusal.message }]);
    this.name = 'SealRefusedError';
    this.document = document;
    this.refusal = refusal;
  }
}
