// A line of upright characters centred on a point, e.g. 审批专用章 under the star.
import { glyphOutline } from './glyph-outline.ts';

export function horizontalText(text: string, cx: number, cy: number, height: number, maxWidth: number): string[] {
  const chars = [...text];
  const width = Math.min(height * 0.9, maxWidth / chars.length);
  const gap = Math.min(height * 0.08, (maxWidth - width * chars.length) / Math.max(chars.length - 1, 1));
  const total = width * chars.length + gap * (chars.length - 1);
  return chars.map((char, i) =>
    glyphOutline(char, { cx: cx - total / 2 + width / 2 + i * (width + gap), cy, width, height, rotation: 0 }),
  );
}
