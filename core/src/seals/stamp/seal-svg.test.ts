import { describe, expect, it } from 'vitest';
import { layoutSeal } from './seal-layout.ts';
import { drawSealSvg } from './seal-svg.ts';

/** Every coordinate of every shape, as [x, y] pairs. */
function points(shapes: string[]): [number, number][] {
  return shapes.flatMap((d) => {
    const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    const pairs: [number, number][] = [];
    for (let i = 0; i + 1 < numbers.length; i += 2) pairs.push([numbers[i]!, numbers[i + 1]!]);
    return pairs;
  });
}

describe('layoutSeal', () => {
  it('draws a 42 mm official seal: ring, one outline per character of the name, and a star', () => {
    const name = '诸暨市五泄镇便民服务中心';
    const drawing = layoutSeal({ name, kind: 'official' });
    expect(drawing.sizeMm).toBe(42);
    expect(drawing.color).toBe('#d4000f');
    expect(drawing.rings).toHaveLength(1);
    expect(drawing.shapes).toHaveLength(name.length + 1);
    // Glyph outlines (curves), not text elements: no font is needed where the stamp is shown.
    expect(drawing.shapes[0]).toMatch(/^M[-\d.]+/);
    expect(drawing.shapes.at(-1)).toMatch(/^M[\d. L]+Z$/);
  });

  it('keeps every glyph inside the ring, for short and long names', () => {
    for (const name of ['五泄镇人民政府', '诸暨市五泄镇十四都村党建+邻里中心便民服务站']) {
      const drawing = layoutSeal({ name, kind: 'business' });
      const c = drawing.sizeMm / 2;
      const inner = c - drawing.rings[0]!.width;
      for (const [x, y] of points(drawing.shapes)) expect(Math.hypot(x - c, y - c)).toBeLessThan(inner);
    }
  });

  it('adds the purpose under the star per kind, and the serial along the lower arc of an approval seal', () => {
    expect(layoutSeal({ name: '十四都村党建+邻里中心', kind: 'business' }).title).toBe('十四都村党建+邻里中心 业务专用章');
    const approval = layoutSeal({ name: '淄川区行政审批服务局', kind: 'approval', serial: '3703020012345' });
    expect(approval.title).toBe('淄川区行政审批服务局 审批专用章 3703020012345');
    expect(approval.shapes).toHaveLength(10 + 1 + 5 + 13);
    expect(layoutSeal({ name: '五泄镇人民政府', kind: 'official' }).shapes).toHaveLength(8);
  });

  it('refuses an empty name and characters the font cannot draw', () => {
    expect(() => layoutSeal({ name: '  ', kind: 'official' })).toThrow(RangeError);
    expect(() => layoutSeal({ name: '五泄\u{F0000}', kind: 'official' })).toThrow(/no glyph/);
  });
});

describe('drawSealSvg', () => {
  it('is a standalone, escaped, deterministic SVG sized in millimetres', () => {
    const svg = drawSealSvg({ name: '五泄<镇>&中心', kind: 'e-seal' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 40 40" width="40mm" height="40mm"/);
    expect(svg).toContain('<title>五泄&lt;镇&gt;&amp;中心</title>');
    expect(svg).toContain('stroke="#d4000f"');
    expect(svg).not.toContain('<text');
    expect(drawSealSvg({ name: '五泄<镇>&中心', kind: 'e-seal' })).toBe(svg);
  });
});
