// The document as a printable, sealable A4 PDF. The same content and options give the same bytes
// (dates come from issuedAt, fonts are subset deterministically), so a digest taken at sealing
// time can be checked against a later download.
import PDFDocument from 'pdfkit';
import type { DocumentContent } from '../content/index.ts';
import type { SealDrawing } from '../../seals/index.ts';
import { cjkFont } from '../../fonts/cjk-font.ts';
import { FOOTER_HEIGHT, MM, PAGE, QR_SIZE, TYPE } from './page-style.ts';
import { drawPdfQrCode } from './pdf-qr-code.ts';
import { drawPdfStamp } from './pdf-stamp.ts';
import { drawPdfTable } from './pdf-table.ts';

export interface PdfRenderOptions {
  /** The seal pressed over the issuer's name and the date (from layoutSeal). */
  stamp?: SealDrawing;
  /** Link in the QR code; defaults to the content's verifyUrl. */
  qrUrl?: string;
}

/** Any printed form with the documents' layout; `kind` only names a statutory document's series. */
export type PrintableContent = Omit<DocumentContent, 'kind'>;

export async function renderDocumentPdf(content: PrintableContent, options: PdfRenderOptions = {}): Promise<Buffer> {
  // GB/T 9704 forbids a page carrying only the seal and date: when they do not fit under the
  // body, lay out again with the last paragraph carried over to their page.
  return (await layOut(content, options, false)) ?? (await layOut(content, options, true))!;
}

/** The PDF's bytes, or undefined when the issuer block does not fit and carryOver is false. */
function layOut(content: PrintableContent, options: PdfRenderOptions, carryOver: boolean): Promise<Buffer | undefined> {
  const issued = new Date(content.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    margins: {
      top: PAGE.marginTop,
      left: PAGE.marginLeft,
      right: PAGE.marginRight,
      bottom: PAGE.marginBottom + FOOTER_HEIGHT,
    },
    info: {
      Title: `${content.title} ${content.number}`,
      Author: content.issuer,
      Subject: content.title,
      Creator: 'Bianmin 便民',
      Producer: 'Bianmin 便民',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // pdfkit takes a parsed fontkit font as well as bytes; its types only list the bytes.
  doc.registerFont('regular', cjkFont('regular') as unknown as Buffer);
  doc.registerFont('bold', cjkFont('bold') as unknown as Buffer);

  drawBody(doc, content, carryOver);
  const fits = doc.y + issuerHeight(options.stamp) <= doc.page.height - doc.page.margins.bottom;
  if (!fits && !carryOver) {
    doc.end();
    return Promise.resolve(undefined);
  }
  drawIssuer(doc, content, options.stamp);
  drawFooter(doc, content, options.qrUrl ?? content.verifyUrl);
  doc.end();
  return done;
}

const textWidth = (): number => PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** Draws title to signature lines; with carryOver the last paragraph starts a new page. */
function drawBody(doc: PDFKit.PDFDocument, content: PrintableContent, carryOver: boolean): void {
  const x = PAGE.marginLeft;
  doc.font('bold').fontSize(TYPE.title).text(content.title, x, PAGE.marginTop, { width: textWidth(), align: 'center' });
  doc.moveDown(0.4);
  doc.font('regular').fontSize(TYPE.number).text(content.number, x, doc.y, { width: textWidth(), align: 'right' });
  doc.moveDown(0.6);
  doc.fontSize(TYPE.body);
  if (content.addressee) doc.text(content.addressee, x, doc.y, { width: textWidth(), lineGap: TYPE.lineGap });

  const tables = content.tables ?? [];
  const tablesAfter = (index: number): void => {
    for (const table of tables.filter((t) => t.afterParagraph === index)) {
      doc.y += 4;
      drawPdfTable(doc, table, x, textWidth());
      doc.y += 8;
      doc.font('regular').fontSize(TYPE.body);
    }
  };
  tablesAfter(-1);
  content.paragraphs.forEach((paragraph, index) => {
    if (carryOver && index === content.paragraphs.length - 1) doc.addPage();
    doc.text(paragraph, x, doc.y, {
      width: textWidth(),
      indent: TYPE.body * 2,
      lineGap: TYPE.lineGap,
      paragraphGap: TYPE.paragraphGap,
      align: 'left',
    });
    tablesAfter(index);
  });
  if (content.signatureLines && content.signatureLines.length > 0) {
    doc.moveDown(1);
    for (const line of content.signatureLines) {
      doc.text(line, x, doc.y, { width: textWidth(), lineGap: TYPE.lineGap * 2 });
    }
  }
}

/** Space the seal needs under the body: a quarter line, then its full height. */
function issuerHeight(stamp: SealDrawing | undefined): number {
  return TYPE.body / 4 + (stamp?.sizeMm ?? 40) * MM;
}

/**
 * GB/T 9704: the date four characters from the right margin, the issuer centred over it, the
 * seal centred on both with them a little below its centre and its top within a line of the body.
 */
function drawIssuer(doc: PDFKit.PDFDocument, content: PrintableContent, stamp: SealDrawing | undefined): void {
  const radius = ((stamp?.sizeMm ?? 40) * MM) / 2;
  const lineHeight = TYPE.body + TYPE.lineGap;
  // The seal's top stands a quarter line under the body; its lower half must clear the footer.
  if (doc.y + issuerHeight(stamp) > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const centreY = doc.y + TYPE.body / 4 + radius;
  doc.font('regular').fontSize(TYPE.body);
  const dateRight = PAGE.width - PAGE.marginRight - 4 * TYPE.body;
  const dateWidth = doc.widthOfString(content.dateText);
  const issuerWidth = doc.widthOfString(content.issuer);
  const centreX = Math.min(dateRight - dateWidth / 2, PAGE.width - PAGE.marginRight - issuerWidth / 2);
  const issuerY = centreY - TYPE.body * 0.2;
  doc.text(content.issuer, centreX - issuerWidth / 2, issuerY, { lineBreak: false });
  doc.text(content.dateText, centreX - dateWidth / 2, issuerY + lineHeight, { lineBreak: false });
  if (stamp) drawPdfStamp(doc, stamp, centreX, centreY);
  doc.x = PAGE.marginLeft;
  doc.y = centreY + radius;
}

/** QR code at the bottom left, the contact and verification lines beside it. */
function drawFooter(doc: PDFKit.PDFDocument, content: PrintableContent, qrUrl: string): void {
  const bottom = doc.page.height - PAGE.marginBottom;
  const top = bottom - QR_SIZE;
  // Writing inside the bottom margin would make pdfkit start a page; lift the margin meanwhile.
  const margin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.save().lineWidth(0.5).strokeColor('#888888')
    .moveTo(PAGE.marginLeft, top - 6).lineTo(PAGE.width - PAGE.marginRight, top - 6).stroke().restore();
  drawPdfQrCode(doc, qrUrl, PAGE.marginLeft, top, QR_SIZE);
  const x = PAGE.marginLeft + QR_SIZE + 4 * MM;
  const width = PAGE.width - PAGE.marginRight - x;
  doc.font('regular').fontSize(TYPE.footer).fillColor('#333333');
  const height = content.footer.reduce((h, line) => h + doc.heightOfString(line, { width, lineGap: 3 }), 0);
  doc.text(content.footer.join('\n'), x, top + (QR_SIZE - height) / 2, { width, lineGap: 3 });
  doc.fillColor('#000000');
  doc.page.margins.bottom = margin;
}
