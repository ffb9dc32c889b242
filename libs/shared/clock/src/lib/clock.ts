/** Where "now" comes from. Deadlines and expiry read it, so tests can move time instead of waiting. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until a test moves it. */
export class FixedClock extends Clock {
  private current: Date;

  constructor(start: Date | string = '2026-01-05T00:00:00.000Z') {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

/** The real time shifted by a fixed offset: a test process that must live days ahead (a dunning schedule). */
export class OffsetClock extends Clock {
  constructor(private readonly offsetMilliseconds: number) {
    super();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMilliseconds);
  }
}
