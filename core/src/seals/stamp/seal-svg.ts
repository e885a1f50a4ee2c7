// The stamp as a standalone SVG (no fonts needed: glyphs are outlines), for screens and printing.
import escapeHtml from 'escape-html';
import { layoutSeal } from './seal-layout.ts';
import type { SealDrawing, SealStampSpec } from './seal-drawing.ts';

export function drawSealSvg(spec: SealStampSpec): string {
  return sealDrawingSvg(layoutSeal(spec));
}

export function sealDrawingSvg(drawing: SealDrawing): string {
  const { sizeMm: s, color } = drawing;
  const rings = drawing.rings
    .map((ring) => `<circle cx="${s / 2}" cy="${s / 2}" r="${ring.r}" fill="none" stroke="${color}" stroke-width="${ring.width}"/>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}" width="${s}mm" height="${s}mm" ` +
    `role="img" aria-label="${escapeHtml(drawing.title)}">` +
    `<title>${escapeHtml(drawing.title)}</title>${rings}` +
    `<path fill="${color}" d="${drawing.shapes.join('')}"/></svg>`
  );
}
