import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst through, then one token per 1/rate seconds', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 2, () => now);
    expect([bucket.tryTake(), bucket.tryTake()]).toEqual([0, 0]);
    expect(bucket.tryTake()).toBe(100);
    now = 50;
    expect(bucket.tryTake()).toBe(50);
    now = 100;
    expect(bucket.tryTake()).toBe(0);
  });

  it('waits for the next token instead of exceeding the rate', async () => {
    let now = 0;
    const waits: number[] = [];
    const bucket = new TokenBucket(4, 1, () => now, async (ms) => {
      waits.push(ms);
      now += ms;
    });
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(waits).toEqual([250, 250, 250, 250]);
    expect(now).toBe(1000);
  });
});
