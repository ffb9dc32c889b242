export interface Countdown {
  passed: boolean;
  days: number;
  hours: number;
  minutes: number;
}

/** Time left until a deadline, in whole minutes (rounded down), as a person reads it on the screen. */
export function countdownTo(deadline: Date, now: Date): Countdown {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return { passed: true, days: 0, hours: 0, minutes: 0 };
  const minutes = Math.floor(left / 60_000);
  return { passed: false, days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
