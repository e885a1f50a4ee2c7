// PDFs off the event loop. Rendering a document takes 100–230 ms of CPU (the first of a thread
// ~1 s more, parsing the CJK fonts), which on the server's one thread stalled every request in
// flight. A piscina pool of worker threads renders them from pdf-tasks.ts; the server's thread only
// reads, signs (~1 ms) and stores. It starts with the runtime and closes with it.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../errors/index.ts';
import type { PrintableContent } from '../documents/render/index.ts';
import type { SealStampSpec } from '../seals/index.ts';
import type { WindowQrCard } from '../supervision/printouts/window-qr-card.ts';
import { THREAD_ENTRY, threadData, threadExecArgv } from '../threads/typescript-worker.ts';
import type { DocumentPdfTask, PdfTaskResult } from './pdf-tasks.ts';

export interface PdfRenderer {
  /** A statutory document or printed form, with the seal's stamp when given. */
  document(content: PrintableContent, options?: { stamp?: SealStampSpec; qrUrl?: string }): Promise<Buffer>;
  /** A window's 好差评 QR card. */
  windowQrCard(card: WindowQrCard): Promise<Buffer>;
  close(): Promise<void>;
}

export interface PdfPoolOptions {
  /** Worker threads; default one per core but the one the server's own thread runs on. */
  threads?: number;
  /**
   * Start every thread now and parse its fonts (the server, so its first PDF costs no more than
   * the next); otherwise threads start with the first PDF and end after a minute idle (tests).
   */
  warm?: boolean;
}

const TASKS = new URL('./pdf-tasks.ts', import.meta.url);

export function startPdfPool({ threads = Math.max(1, availableParallelism() - 1), warm = false }: PdfPoolOptions = {}): PdfRenderer {
  const pool = new Piscina({
    filename: THREAD_ENTRY.href,
    workerData: threadData(TASKS),
    minThreads: warm ? threads : 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    execArgv: threadExecArgv(),
  });
  // A thread that fails outside a task (its module does not load) must not end the server: piscina
  // starts another, and each PDF asked for meanwhile fails as a 500.
  pool.on('error', (err) => console.error('PDF thread failed', err));
  if (warm) {
    for (let i = 0; i < threads; i++) void pool.run({ name: 'warm' }).catch((err) => console.error('PDF thread failed to start', err));
  }
  const run = async (name: string, task: unknown): Promise<Buffer> => {
    const result = (await pool.run({ name, input: task })) as PdfTaskResult;
    if ('error' in result) throw new AppError(result.error.code, result.error.message, result.error.details);
    // Structured cloning hands back a Uint8Array: the same bytes, seen as a Buffer.
    return Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength);
  };
  return {
    document: (content, options = {}) => run('documentPdf', { content, ...options } satisfies DocumentPdfTask),
    windowQrCard: (card) => run('windowQrCard', card),
    close: () => pool.close(),
  };
}
