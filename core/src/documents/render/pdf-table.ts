// A ruled table drawn cell by cell, rows flowing onto a new page (with the heading row repeated)
// when they do not fit. Cells are written left to right, row by row, so text extraction reads
// them in the same order as documentText.
import type { DocumentTable } from '../content/index.ts';
import { TYPE } from './page-style.ts';

const PADDING = 5;

export function drawPdfTable(doc: PDFKit.PDFDocument, table: DocumentTable, x: number, width: number): void {
  const columnCount = table.columns.length || (table.rows[0]?.length ?? 0);
  const weights = table.widths ?? Array.from({ length: columnCount }, () => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width);
  // A label/value form leaves room to sign by hand.
  const minHeight = table.columns.length === 0 ? 30 : 0;
  const labelled = table.columns.length === 0;

  const drawRow = (cells: string[], heading: boolean): void => {
    doc.font(heading ? 'bold' : 'regular').fontSize(TYPE.table);
    const heights = cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * PADDING }));
    const height = Math.max(minHeight, ...heights.map((h) => h + 2 * PADDING));
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!heading && table.columns.length > 0) drawRow(table.columns, true);
    }
    const top = doc.y;
    let left = x;
    cells.forEach((cell, i) => {
      const cellWidth = widths[i] ?? 0;
      const centred = heading || (labelled && i === 0) || (!labelled && i === 0);
      doc.lineWidth(0.75).rect(left, top, cellWidth, height).stroke();
      const textHeight = heights[i] ?? 0;
      doc.font(heading || (labelled && i === 0) ? 'bold' : 'regular').text(cell, left + PADDING, top + (height - textHeight) / 2, {
        width: cellWidth - 2 * PADDING,
        align: centred ? 'center' : 'left',
        lineBreak: true,
      });
      left += cellWidth;
    });
    doc.x = x;
    doc.y = top + height;
  };

  if (table.columns.length > 0) drawRow(table.columns, true);
  for (const row of table.rows) drawRow(row, false);
}
