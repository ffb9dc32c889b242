import { redisFailureReporter } from './redis-failure-reporter';

describe('the Redis failure reporter', () => {
  it('warns at most once per second and counts the failures it kept quiet about', () => {
    const warnings: string[] = [];
    let now = 10_000;
    const report = redisFailureReporter((message) => warnings.push(message), () => now);
    report(new Error('timeout'));
    for (let i = 0; i < 5; i += 1) report(new Error('timeout'));
    now += 1000;
    report(new Error('connection refused'));
    expect(warnings).toEqual([
      'Redis failed for flow control (timeout); the failure mode decides (0 more since the last warning)',
      'Redis failed for flow control (connection refused); the failure mode decides (5 more since the last warning)',
    ]);
  });
});
