// Renders a stored document to PDF, stamps it with the seal its item configures for the issuing
// organisation and signs it — when the PDF is first asked for, or by the idle renderer. Rendering a
// PDF takes ~100 ms, so it stays off the path of the event that issued the document, and `render`
// (the runtime's PDF pool) does it off the event loop. Skips a document already rendered, so
// concurrent callers cannot seal twice.
import type { Knex } from 'knex';
import type { PrintableContent } from '../render/index.ts';
import type { SealStampSpec } from '../../seals/index.ts';
import type { DocumentSealing } from './document-sealing.ts';
import { getDocument } from './store-document.ts';

/** Renders a document's PDF with the stamp laid out from its text. */
export type RenderPdf = (content: PrintableContent, options: { stamp?: SealStampSpec }) => Promise<Buffer>;

export async function renderStoredDocument(db: Knex, documentId: string, sealing: DocumentSealing | null, render: RenderPdf, now: Date): Promise<void> {
  const doc = await getDocument(db, { id: documentId });
  if (!doc || doc.hasPdf) return;
  const seal = sealing ? await sealing.sealFor(doc) : null;
  const pdf = await render(doc.content, seal ? { stamp: seal.stamp } : {});
  if (!seal || !sealing) {
    await db('documents').where({ id: documentId }).whereNull('pdf').update({ pdf });
    return;
  }
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
    });
  });
}

/** The idle renderer: seals up to `limit` documents still waiting for their PDF, oldest first. */
export async function renderPendingDocuments(db: Knex, sealing: DocumentSealing | null, render: RenderPdf, now: Date, limit = 10): Promise<number> {
  const pending: { id: string }[] = await db('documents').whereNull('pdf').orderBy('created_at').limit(limit).select('id');
  for (const { id } of pending) await renderStoredDocument(db, id, sealing, render, now);
  return pending.length;
}
