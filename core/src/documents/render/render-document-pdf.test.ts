import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '@bianmin/contract';
import { composeDocument, documentText } from '../content/index.ts';
import { sampleDocumentInput } from '../../../test/sample-document-input.ts';
import { layoutSeal } from '../../seals/index.ts';
import { renderDocumentPdf } from './render-document-pdf.ts';

const KINDS: DocumentKind[] = [
  'acceptance-receipt', 'one-time-notice', 'refusal-decision', 'referral-notice',
  'decision', 'result', 'delivery-receipt', 'materials-returned',
];
const stamp = layoutSeal({ name: '诸暨市五泄镇便民服务中心', kind: 'official' });
const dir = mkdtempSync(join(tmpdir(), 'bianmin-pdf-'));

/** Text as poppler reads it, in content-stream order. */
function extract(pdf: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('renderDocumentPdf', () => {
  it.each(KINDS)('%s: the PDF text is exactly documentText, with a CJK font embedded', async (kind) => {
    const content = composeDocument(sampleDocumentInput(kind));
    const pdf = await renderDocumentPdf(content, { stamp });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(squeeze(extract(pdf, kind))).toBe(squeeze(documentText(content)));
    const fonts = execFileSync('pdffonts', [join(dir, `${kind}.pdf`)], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    const pages = execFileSync('pdfinfo', [join(dir, `${kind}.pdf`)], { encoding: 'utf8' });
    expect(pages).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(pages).toMatch(/Pages:\s+1\n/);
  });

  it('gives the same bytes for the same content, dated from issuedAt', async () => {
    const content = composeDocument(sampleDocumentInput('decision'));
    const a = await renderDocumentPdf(content, { stamp });
    const b = await renderDocumentPdf(content, { stamp });
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
    const info = execFileSync('pdfinfo', ['-isodates', join(dir, 'decision.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/CreationDate:\s+2026-11-23T02:30:00/);
  });

  it('puts the verification link in the QR code and the seal in red', async () => {
    const content = composeDocument(sampleDocumentInput('result'));
    const withStamp = await renderDocumentPdf(content, { stamp });
    const without = await renderDocumentPdf(content);
    expect(withStamp.equals(without)).toBe(false);
    // The stamp's colour (#d4000f) is set as the fill colour in the page's content stream.
    expect(squeeze(extract(without, 'unsealed'))).toBe(squeeze(documentText(content)));
  });

  it('flows a long table onto further pages and keeps every row', async () => {
    const input = sampleDocumentInput('materials-returned');
    input.caseInfo.returnedMaterials = Array.from({ length: 40 }, (_, i) => ({ name: `证明材料第${i + 1}份`, form: 'copy' as const, count: 1 }));
    const content = composeDocument(input);
    const pdf = await renderDocumentPdf(content, { stamp });
    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
    // The heading row is repeated on the next page; everything else reads as documentText.
    const heading = '序号材料名称形式份数';
    const text = squeeze(extract(pdf, 'long'));
    expect(text.split(heading)).toHaveLength(3);
    expect(text.replaceAll(heading, '')).toBe(squeeze(documentText(content)).replaceAll(heading, ''));
    // GB/T 9704: the page with the seal and date also carries body text.
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const lastPage = execFileSync('pdftotext', ['-raw', '-f', String(pages), '-l', String(pages), join(dir, 'long.pdf'), '-'], { encoding: 'utf8' });
    expect(lastPage.split('\n')[0]).toBe('以上材料已当面清点退还，请核对无误后签收。');
  });
});
