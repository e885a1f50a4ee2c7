// A character's outline from the CJK font as SVG path data, squeezed into a box and turned, so
// the stamp carries real glyphs and needs no font where it is shown.
import { cjkFont } from '../../fonts/cjk-font.ts';

export interface GlyphBox {
  cx: number;
  cy: number;
  width: number;
  height: number;
  /** Clockwise, radians. */
  rotation: number;
}

export function glyphOutline(char: string, box: GlyphBox): string {
  const f = cjkFont('bold');
  const codePoint = char.codePointAt(0);
  if (codePoint === undefined || !f.hasGlyphForCodePoint(codePoint)) {
    throw new RangeError(`the seal font has no glyph for “${char}”`);
  }
  const glyph = f.glyphForCodePoint(codePoint);
  const advance = glyph.advanceWidth;
  const os2 = f['OS/2'];
  // The ideographic em box runs from typoDescender to typoAscender; centre it in the box.
  const emMiddle = (os2.typoAscender + os2.typoDescender) / 2;
  const sx = box.width / advance;
  const sy = box.height / f.unitsPerEm;
  const cos = Math.cos(box.rotation);
  const sin = Math.sin(box.rotation);
  const path = glyph.path.transform(
    cos * sx,
    sin * sx,
    sin * sy,
    -cos * sy,
    box.cx - (cos * sx * advance) / 2 - sin * sy * emMiddle,
    box.cy - (sin * sx * advance) / 2 + cos * sy * emMiddle,
  );
  return path.toSVG().replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100));
}
