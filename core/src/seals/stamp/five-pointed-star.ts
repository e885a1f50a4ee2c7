// The five-pointed star at the centre of an official round seal, point up.
export function fivePointedStarPath(cx: number, cy: number, outerRadius: number): string {
  // Inner radius of a regular pentagram: R·sin18°/sin126°.
  const innerRadius = (outerRadius * Math.sin(Math.PI / 10)) / Math.sin((7 * Math.PI) / 10);
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outerRadius : innerRadius;
    const angle = (i * Math.PI) / 5;
    points.push(`${round(cx + radius * Math.sin(angle))} ${round(cy - radius * Math.cos(angle))}`);
  }
  return `M${points.join('L')}Z`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
