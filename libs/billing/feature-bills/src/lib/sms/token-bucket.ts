import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The provider's rate limit, per instance: `ratePerSecond` tokens a second, up to `burst` saved up. `take`
 * waits until a token is there. `now` is injectable so tests need no real waiting.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
    private readonly wait: (ms: number) => Promise<unknown> = (ms) => sleep(ms),
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  /** Milliseconds until a token is available (0: one is there now), and takes it when there is. */
  tryTake(): number {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  async take(): Promise<void> {
    for (let waitMs = this.tryTake(); waitMs > 0; waitMs = this.tryTake()) await this.wait(waitMs);
  }
}
