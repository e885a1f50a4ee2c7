// The verification link as QR modules, one source for the SVG and the PDF drawing. Level M: a
// printed page survives a fold or a smudge.
import QRCode from 'qrcode';

export interface QrMatrix {
  size: number;
  /** Dark modules merged into horizontal runs: [row, firstColumn, length]. */
  runs: [number, number, number][];
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const runs: [number, number, number][] = [];
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push([row, start, col - start]);
        start = -1;
      }
    }
  }
  return { size: modules.size, runs };
}

/** The QR code as an SVG with a four-module quiet zone. */
export function drawQrSvg(text: string): string {
  const { size, runs } = qrMatrix(text);
  const full = size + 8;
  const d = runs.map(([row, col, length]) => `M${col + 4} ${row + 4}h${length}v1h-${length}z`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" shape-rendering="crispEdges">` +
    `<rect width="${full}" height="${full}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
