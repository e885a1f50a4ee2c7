// Renders a stored document to PDF, stamps it with the seal its item configures for the issuing
// organisation and signs it — when the PDF is first asked for, or by the idle renderer. Rendering a
// PDF takes ~100 ms, so it stays off the path of the event that issued the document, and `render`
// (the runtime's PDF pool) does it off the event loop. Skips a document already rendered, so
// concurrent callers cannot seal twice. A document with no usable seal is refused
// (SEAL_NOT_FOUND / SEAL_UNUSABLE), never rendered unsealed.
import type { Knex } from 'knex';
import { isAppError } from '../../errors/index.ts';
import type { PrintableContent } from '../render/index.ts';
import type { SealStampSpec } from '../../seals/index.ts';
import type { DocumentSealing } from './document-sealing.ts';
import { getDocument } from './store-document.ts';

/** Renders a document's PDF with the stamp laid out from its text. */
export type RenderPdf = (content: PrintableContent, options: { stamp?: SealStampSpec }) => Promise<Buffer>;

export async function renderStoredDocument(db: Knex, documentId: string, sealing: DocumentSealing | null, render: RenderPdf, now: Date): Promise<void> {
  const doc = await getDocument(db, { id: documentId });
  if (!doc || doc.hasPdf) return;
  if (!sealing) {
    // A runtime built without sealing (a preview set-up): the PDF is plain.
    await db('documents').where({ id: documentId }).whereNull('pdf').update({ pdf: await render(doc.content, {}) });
    return;
  }
  let seal;
  try {
    seal = await sealing.sealFor(doc, now);
  } catch (err) {
    if (isAppError(err)) await db('documents').where({ id: documentId }).update({ seal_refused_at: now.toISOString() });
    throw err;
  }
  const pdf = await render(doc.content, { stamp: seal.stamp });
  await db.transaction(async (trx) => {
    const fresh = await trx('documents').where({ id: documentId }).whereNull('pdf').first('id');
    if (!fresh) return;
    const signed = await sealing.sign(trx, { sealId: seal.sealId, documentId, documentNumber: doc.number, pdf, now });
    await trx('documents').where({ id: documentId }).update({
      pdf,
      seal_id: seal.sealId,
      digest: signed.digest,
      signature: signed.signature,
      sealed_at: now.toISOString(),
      seal_refused_at: null,
    });
  });
}

/** A document refused for want of a seal waits this long before the idle renderer tries it again. */
const REFUSED_RETRY_MS = 10 * 60_000;

/** The idle renderer: seals up to `limit` documents still waiting for their PDF, oldest first. */
export async function renderPendingDocuments(db: Knex, sealing: DocumentSealing | null, render: RenderPdf, now: Date, limit = 10): Promise<number> {
  const retryBefore = new Date(now.getTime() - REFUSED_RETRY_MS).toISOString();
  const pending: { id: string }[] = await db('documents')
    .whereNull('pdf')
    .where((w) => w.whereNull('seal_refused_at').orWhere('seal_refused_at', '<', retryBefore))
    .orderBy('created_at')
    .limit(limit)
    .select('id');
  for (const { id } of pending) {
    try {
      await renderStoredDocument(db, id, sealing, render, now);
    } catch (err) {
      // Refused for its seal: the administrators were told; the other documents go on.
      if (!isAppError(err)) throw err;
    }
  }
  return pending.length;
}
