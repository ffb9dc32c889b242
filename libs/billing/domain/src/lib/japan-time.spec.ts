import { endOfJapanDay, japanDate } from './japan-time';
import { nextMomentInWindow } from './sending-window';

describe('Japan time', () => {
  it('counts the day in Japan time', () => {
    expect(japanDate(new Date('2026-11-21T15:00:00Z'))).toBe('2026-11-22');
    expect(japanDate(new Date('2026-11-21T14:59:59Z'))).toBe('2026-11-21');
  });

  it('ends a Japanese day at 15:00 UTC', () => {
    expect(endOfJapanDay('2026-12-31').toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });
});

describe('nextMomentInWindow', () => {
  const window = { startHour: 9, endHour: 20 };

  it('sends at once inside the window', () => {
    const noon = new Date('2026-11-22T03:00:00Z');
    expect(nextMomentInWindow(noon, window)).toEqual(noon);
  });

  it('holds an SMS of the early morning until 09:00 Japan time', () => {
    expect(nextMomentInWindow(new Date('2026-11-21T20:00:00Z'), window).toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });

  it('holds an SMS of the evening until 09:00 the next day', () => {
    expect(nextMomentInWindow(new Date('2026-11-22T11:00:00Z'), window).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
});
