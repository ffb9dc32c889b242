import { addDays, japanDate, japanHour, japanTimeOn } from './japan-time';

/** The hours (Japan time) in which a merchant's customers may get SMS: from `startHour`:00 until `endHour`:00. */
export interface SendingWindow {
  startHour: number;
  endHour: number;
}

/** The first moment at or after `moment` inside the window: no SMS at night, they wait until it opens. */
export function nextMomentInWindow(moment: Date, window: SendingWindow): Date {
  const hour = japanHour(moment);
  const day = japanDate(moment);
  if (hour < window.startHour) return japanTimeOn(day, window.startHour);
  if (hour >= window.endHour) return japanTimeOn(addDays(day, 1), window.startHour);
  return moment;
}
