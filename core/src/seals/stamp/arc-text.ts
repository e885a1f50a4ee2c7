// Text set along a circle, each character turned to follow it: the organisation's name over the
// top of the seal (reading clockwise, tops outward) and the serial under the bottom (reading
// left to right, tops inward). Spacing widens for short names and characters narrow for long ones.
import { glyphOutline } from './glyph-outline.ts';

export interface ArcTextLayout {
  cx: number;
  cy: number;
  /** Radius of the characters' centres. */
  radius: number;
  height: number;
  /** Largest angle the text may cover, degrees. */
  maxSweep: number;
  minSweep: number;
  /** Width of a character relative to its height when there is room. */
  aspect: number;
}

export function upperArcText(text: string, layout: ArcTextLayout): string[] {
  return placeAlongArc([...text], layout, (angle) => ({
    x: layout.cx + layout.radius * Math.sin(angle),
    y: layout.cy - layout.radius * Math.cos(angle),
    rotation: angle,
  }));
}

export function lowerArcText(text: string, layout: ArcTextLayout): string[] {
  return placeAlongArc([...text], layout, (angle) => ({
    x: layout.cx + layout.radius * Math.sin(angle),
    y: layout.cy + layout.radius * Math.cos(angle),
    rotation: -angle,
  }));
}

function placeAlongArc(
  chars: string[],
  layout: ArcTextLayout,
  position: (angle: number) => { x: number; y: number; rotation: number },
): string[] {
  if (chars.length === 0) return [];
  const natural = ((layout.height * layout.aspect * 1.12) / layout.radius) * chars.length;
  const sweep = clamp(natural, radians(layout.minSweep), radians(layout.maxSweep));
  const step = sweep / chars.length;
  const width = Math.min(layout.height * layout.aspect, layout.radius * step * 0.9);
  return chars.map((char, i) => {
    const { x, y, rotation } = position(-sweep / 2 + step * (i + 0.5));
    return glyphOutline(char, { cx: x, cy: y, width, height: layout.height, rotation });
  });
}

function radians(degrees: number): number {
  return (degrees * Math.PI) / 180;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
