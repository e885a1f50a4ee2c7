// The PDF pool's thread module (piscina loads it in each worker thread of pdf-pool.ts): lays out the
// seal's stamp, renders the PDF, and returns its bytes. The fonts are parsed once per thread. A
// catalogue error crosses back as data (structured cloning keeps an error's message, not its class
// or code), so the server answers it as it would have on its own thread.
import { isAppError, type ErrorCode, type ErrorDetail } from '../errors/index.ts';
import { cjkFont } from '../fonts/cjk-font.ts';
import { renderDocumentPdf, type PrintableContent } from '../documents/render/index.ts';
import { layoutSeal, type SealStampSpec } from '../seals/index.ts';
import { windowQrCardPdf, type WindowQrCard } from '../supervision/printouts/window-qr-card.ts';

export interface DocumentPdfTask {
  content: PrintableContent;
  /** The seal pressed over the issuer's name and the date, laid out here from its text. */
  stamp?: SealStampSpec;
  /** Link in the QR code; defaults to the content's verifyUrl. */
  qrUrl?: string;
}

export type PdfTaskResult = { pdf: Uint8Array } | { error: { code: ErrorCode; message: string; details?: ErrorDetail[] } };

async function answer(render: () => Promise<Buffer>): Promise<PdfTaskResult> {
  try {
    return { pdf: await render() };
  } catch (error) {
    if (isAppError(error)) return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    throw error;
  }
}

export function documentPdf(task: DocumentPdfTask): Promise<PdfTaskResult> {
  return answer(() =>
    renderDocumentPdf(task.content, {
      ...(task.stamp ? { stamp: layoutSeal(task.stamp) } : {}),
      ...(task.qrUrl ? { qrUrl: task.qrUrl } : {}),
    }),
  );
}

export function windowQrCard(card: WindowQrCard): Promise<PdfTaskResult> {
  return answer(() => windowQrCardPdf(card));
}

/** Parses the fonts (~0.7–1.7 s), so the thread's first document does not wait for them. */
export function warm(): void {
  cjkFont('regular');
  cjkFont('bold');
}
