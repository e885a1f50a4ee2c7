/** Thrown when a computation reaches a year for which no calendar has been entered. */
export class CalendarYearMissingError extends Error {
  override readonly name = 'CalendarYearMissingError';
  readonly year: number;

  constructor(year: number) {
    super(`${year} 年的工作日历尚未录入，无法计算工作日`);
    this.year = year;
  }
}
