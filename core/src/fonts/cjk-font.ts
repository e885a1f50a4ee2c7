// The CJK font every document and seal is drawn with: Noto Serif CJK SC (a 宋体-style face),
// from Debian's fonts-noto-cjk. Parsed once per process and shared: decoding the CFF outlines of
// 65 000 glyphs costs far more than laying out a page. BIANMIN_FONT_DIR points elsewhere.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';

export type CjkWeight = 'regular' | 'bold';

export interface CjkFontFile {
  path: string;
  /** Face inside the .ttc collection: the Simplified Chinese one. */
  postscriptName: string;
  data: Buffer;
}

const FACES: Record<CjkWeight, { file: string; postscriptName: string }> = {
  regular: { file: 'NotoSerifCJK-Regular.ttc', postscriptName: 'NotoSerifCJKsc-Regular' },
  bold: { file: 'NotoSerifCJK-Bold.ttc', postscriptName: 'NotoSerifCJKsc-Bold' },
};

const DIRECTORIES = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/local/share/fonts'];

const loaded = new Map<CjkWeight, CjkFontFile>();
const parsed = new Map<CjkWeight, Font>();

export function cjkFontFile(weight: CjkWeight): CjkFontFile {
  const cached = loaded.get(weight);
  if (cached) return cached;
  const face = FACES[weight];
  const directories = process.env.BIANMIN_FONT_DIR ? [process.env.BIANMIN_FONT_DIR] : DIRECTORIES;
  const path = directories.map((dir) => join(dir, face.file)).find((candidate) => existsSync(candidate));
  if (!path) {
    throw new Error(
      `CJK font ${face.file} not found in ${directories.join(', ')}: install the Debian package ` +
        `fonts-noto-cjk or set BIANMIN_FONT_DIR`,
    );
  }
  const file = { path, postscriptName: face.postscriptName, data: readFileSync(path) };
  loaded.set(weight, file);
  return file;
}

/** The parsed face, for glyph outlines and for pdfkit (which accepts a fontkit font as is). */
export function cjkFont(weight: CjkWeight): Font {
  const cached = parsed.get(weight);
  if (cached) return cached;
  const file = cjkFontFile(weight);
  const opened = create(file.data, file.postscriptName);
  if (!('glyphForCodePoint' in opened)) throw new Error(`${file.path} has no face ${file.postscriptName}`);
  parsed.set(weight, opened);
  return opened;
}
