/**
 * 即办件: done within the visit, in principle within 60 minutes (涵政办规〔2023〕1号: 即办事项原则上在
 * 60分钟内办结). Wall-clock minutes from receipt; exceeding the target only warns, it refuses nothing.
 */
export const DEFAULT_TARGET_MINUTES = 60;

const MINUTE_MS = 60_000;

export interface ImmediateTarget {
  targetAt: Date;
  minutesElapsed: number;
  /** Whole minutes, rounded up; negative once more than a minute past the target. */
  minutesLeft: number;
  /** Show the warning. */
  exceeded: boolean;
}

export function minutesTarget(receivedAt: Date, now: Date, targetMinutes: number = DEFAULT_TARGET_MINUTES): ImmediateTarget {
  if (!(targetMinutes > 0)) throw new RangeError(`targetMinutes must be positive: ${targetMinutes}`);
  const targetAt = new Date(receivedAt.getTime() + targetMinutes * MINUTE_MS);
  const elapsedMs = now.getTime() - receivedAt.getTime();
  return {
    targetAt,
    minutesElapsed: Math.floor(elapsedMs / MINUTE_MS),
    // `|| 0` turns the -0 of a just-exceeded target into 0.
    minutesLeft: Math.ceil((targetAt.getTime() - now.getTime()) / MINUTE_MS) || 0,
    exceeded: now.getTime() > targetAt.getTime(),
  };
}
