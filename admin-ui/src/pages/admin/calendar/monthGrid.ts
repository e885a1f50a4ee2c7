// A month as weeks of ISO dates, Monday first (as Chinese calendars print), nulls for padding.

export function isoDate(y: number, month: number, day: number): string {
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay(); // 0 = Sunday
  const lead = (first + 6) % 7;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(isoDate(year, month, d));
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function isWeekend(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

/** normal → holiday → make-up workday → normal; a make-up workday only makes sense on a weekend. */
export function nextKind(current: 'holiday' | 'workday' | undefined, weekend: boolean): 'holiday' | 'workday' | undefined {
  if (!current) return 'holiday';
  if (current === 'holiday') return weekend ? 'workday' : undefined;
  return undefined;
}
