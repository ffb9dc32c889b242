/**
 * An `onRedisFailure` for FlowLimiter that warns at most once per second while Redis fails, with how many
 * decisions it affected since the last warning: an outage under a burst must not flood the logs.
 */
export function redisFailureReporter(warn: (message: string) => void, now: () => number = Date.now): (error: Error) => void {
  let lastAt = -Infinity;
  let suppressed = 0;
  return (error) => {
    const at = now();
    if (at - lastAt < 1000) {
      suppressed += 1;
      return;
    }
    warn(`Redis failed for flow control (${error.message}); the failure mode decides (${suppressed} more since the last warning)`);
    lastAt = at;
    suppressed = 0;
  };
}
