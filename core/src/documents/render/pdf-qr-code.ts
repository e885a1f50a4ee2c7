// The verification QR code drawn as vector squares: sharp at any print resolution.
import { qrMatrix } from './qr-matrix.ts';

export function drawPdfQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { size: modules, runs } = qrMatrix(text);
  const unit = size / modules;
  doc.save().fillColor('#000000').fillOpacity(1);
  for (const [row, col, length] of runs) doc.rect(x + col * unit, y + row * unit, length * unit, unit);
  doc.fill();
  doc.restore();
}
