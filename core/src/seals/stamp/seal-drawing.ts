// A seal as vector shapes in millimetres, origin top-left of its square: one source for the SVG
// shown on screen and the paths drawn into the PDF, so both show the same stamp.
import type { SealKind } from '@bianmin/contract';

export interface SealStampSpec {
  /** Organisation name around the upper arc. */
  name: string;
  kind: SealKind;
  /** Horizontal text below the star, e.g. 业务专用章; defaulted per kind. */
  purpose?: string;
  /** 印章编码 along the lower arc (approval seals). */
  serial?: string;
}

export interface SealDrawing {
  sizeMm: number;
  color: string;
  /** Accessible name: the seal's text. */
  title: string;
  rings: { r: number; width: number }[];
  /** Filled SVG path data: glyph outlines and the star. */
  shapes: string[];
}

/** Seal red: cinnabar ink as scanned from real stamps. */
export const SEAL_RED = '#d4000f';
