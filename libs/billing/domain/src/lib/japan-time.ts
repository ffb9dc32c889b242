const JST_OFFSET_MS = 9 * 3600_000;

/** The calendar day in Japan (UTC+9, no daylight saving) at a moment. */
export function japanDate(moment: Date): string {
  return new Date(moment.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The moment a Japanese calendar day ends (the next day's 00:00 JST): a bill due that day expires then. */
export function endOfJapanDay(date: string): Date {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + 24 * 3600_000 - JST_OFFSET_MS);
}

/** `date` plus `days` calendar days, `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 24 * 3600_000).toISOString().slice(0, 10);
}

/** The hour of the day (0–23) in Japan at a moment. */
export function japanHour(moment: Date): number {
  return new Date(moment.getTime() + JST_OFFSET_MS).getUTCHours();
}

/** The moment `hour`:00 JST on a Japanese calendar day. */
export function japanTimeOn(date: string, hour: number): Date {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + hour * 3600_000 - JST_OFFSET_MS);
}
