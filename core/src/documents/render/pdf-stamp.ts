// Presses a seal onto the page: the shared vector drawing, red and slightly transparent so the
// signature and date beneath show through as they do under real ink.
import type { SealDrawing } from '../../seals/index.ts';
import { MM } from './page-style.ts';

export function drawPdfStamp(doc: PDFKit.PDFDocument, drawing: SealDrawing, centreX: number, centreY: number): void {
  const size = drawing.sizeMm * MM;
  doc.save();
  doc.translate(centreX - size / 2, centreY - size / 2).scale(MM);
  doc.fillColor(drawing.color).strokeColor(drawing.color).fillOpacity(0.82).strokeOpacity(0.82);
  for (const ring of drawing.rings) {
    doc.lineWidth(ring.width).circle(drawing.sizeMm / 2, drawing.sizeMm / 2, ring.r).stroke();
  }
  doc.path(drawing.shapes.join('')).fill('nonzero');
  doc.restore();
}
