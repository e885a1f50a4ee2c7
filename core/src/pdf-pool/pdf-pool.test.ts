import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../documents/content/index.ts';
import { renderDocumentPdf } from '../documents/render/index.ts';
import { layoutSeal } from '../seals/index.ts';
import { windowQrCardPdf } from '../supervision/printouts/window-qr-card.ts';
import { sampleDocumentInput } from '../../test/sample-document-input.ts';
import { startPdfPool } from './pdf-pool.ts';

const spec = { name: '诸暨市五泄镇便民服务中心', kind: 'official' } as const;

describe('the PDF pool', () => {
  const pool = startPdfPool({ threads: 1 });
  afterAll(() => pool.close());

  it('renders in a worker thread the same bytes as the server’s own thread, the stamp laid out there from its text', async () => {
    const content = composeDocument(sampleDocumentInput('decision'));
    const [inPool, here] = await Promise.all([pool.document(content, { stamp: spec }), renderDocumentPdf(content, { stamp: layoutSeal(spec) })]);
    expect(Buffer.isBuffer(inPool)).toBe(true);
    expect(inPool.subarray(0, 5).toString()).toBe('%PDF-');
    expect(inPool.equals(here)).toBe(true);
  });

  it('renders the window’s QR card and a document without a seal', async () => {
    const card = { orgName: '五泄镇便民服务中心', windowName: '综合受理窗口', phone: '0575-1234567', url: 'http://127.0.0.1/public/rate?window=w1' };
    expect((await pool.windowQrCard(card)).equals(await windowQrCardPdf(card))).toBe(true);
    const content = composeDocument(sampleDocumentInput('acceptance-receipt'));
    expect((await pool.document(content)).equals(await renderDocumentPdf(content))).toBe(true);
  });

  it('passes a rendering failure on to the caller, and the thread renders the next one', async () => {
    const content = composeDocument(sampleDocumentInput('result'));
    await expect(pool.document(content, { stamp: { ...spec, name: '' } })).rejects.toThrow('a seal needs a name');
    expect((await pool.document(content)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
