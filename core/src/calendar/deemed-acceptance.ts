import type { WorkingCalendar } from './working-calendar.ts';

/**
 * 行政许可法 第三十二条: for an incomplete application the office must tell the applicant everything
 * to correct "当场或者在五日内一次告知"; "逾期不告知的，自收到申请材料之日起即为受理".
 * 第八十二条 makes the Act's time limits working days (以工作日计算，不含法定节假日), so the five
 * days are five working days after the day of receipt.
 */
export const ONE_TIME_NOTICE_WORKING_DAYS = 5;

/** The last moment a one-time notice (一次性告知书) can be issued for materials received then. */
export function oneTimeNoticeDeadline(calendar: WorkingCalendar, receivedAt: Date): Date {
  return calendar.dueAt(receivedAt, ONE_TIME_NOTICE_WORKING_DAYS);
}

/**
 * True when the notice period ran out with no notice issued within it (none at all, or a late
 * one): the application then counts as accepted from the day it was received.
 */
export function deemedAccepted(
  calendar: WorkingCalendar,
  receivedAt: Date,
  oneTimeNoticeAt: Date | null,
  now: Date,
): boolean {
  const deadline = oneTimeNoticeDeadline(calendar, receivedAt).getTime();
  if (oneTimeNoticeAt !== null && oneTimeNoticeAt.getTime() <= deadline) return false;
  return now.getTime() > deadline;
}
