// The layouts of round seals, after the rules for state organs' seals (国务院关于国家行政机关和
// 企业事业单位社会团体印章管理的规定): a red ring, the organisation's name along the upper arc,
// a five-pointed star in the centre, the seal's purpose horizontally below it. Township seals are
// 42 mm across; special-purpose seals 40 mm. The approval seal (审批专用章) adds its registration
// code (印章编码) along the lower arc, as the public-security filing of such seals prints it.
import { lowerArcText, upperArcText } from './arc-text.ts';
import { fivePointedStarPath } from './five-pointed-star.ts';
import { horizontalText } from './horizontal-text.ts';
import { SEAL_RED, type SealDrawing, type SealStampSpec } from './seal-drawing.ts';

const DEFAULT_PURPOSE: Record<SealStampSpec['kind'], string | undefined> = {
  official: undefined,
  approval: '审批专用章',
  business: '业务专用章',
  'e-seal': undefined,
};

export function layoutSeal(spec: SealStampSpec): SealDrawing {
  const name = spec.name.trim();
  if (name.length === 0) throw new RangeError('a seal needs a name');
  const purpose = spec.purpose?.trim() || DEFAULT_PURPOSE[spec.kind];
  const sizeMm = spec.kind === 'official' || spec.kind === 'approval' ? 42 : 40;
  const c = sizeMm / 2;
  const ringWidth = sizeMm * 0.029;
  const nameHeight = sizeMm * 0.148;
  const nameRadius = c - ringWidth - sizeMm * 0.018 - nameHeight / 2;
  const serial = spec.kind === 'approval' ? spec.serial?.trim() : undefined;

  const shapes = upperArcText(name, {
    cx: c,
    cy: c,
    radius: nameRadius,
    height: nameHeight,
    // With a serial the lower arc is taken, so the name keeps to the upper two-thirds.
    maxSweep: serial ? 220 : 250,
    minSweep: 150,
    aspect: 0.95,
  });
  const starRadius = sizeMm * (purpose ? 0.155 : 0.17);
  const starCy = purpose ? c - sizeMm * 0.015 : c;
  shapes.push(fivePointedStarPath(c, starCy, starRadius));
  if (purpose) {
    const height = sizeMm * 0.11;
    shapes.push(...horizontalText(purpose, c, c + sizeMm * 0.245, height, sizeMm * 0.56));
  }
  if (serial) {
    const height = sizeMm * 0.06;
    shapes.push(
      ...lowerArcText(serial, {
        cx: c,
        cy: c,
        radius: c - ringWidth - sizeMm * 0.015 - height / 2,
        height,
        maxSweep: 80,
        minSweep: 30,
        aspect: 0.55,
      }),
    );
  }
  return {
    sizeMm,
    color: SEAL_RED,
    title: [name, purpose, serial].filter(Boolean).join(' '),
    rings: [{ r: c - ringWidth / 2, width: ringWidth }],
    shapes,
  };
}
