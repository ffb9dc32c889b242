import { setTimeout as sleep } from 'node:timers/promises';

const ATTEMPTS = 8;

/**
 * Runs an admin operation again while the broker answers with an error it marks retriable (a topic still being
 * created, a leader moving), backing off from 100 ms; anything else, or the last attempt's error, is thrown.
 */
export async function retryRetriable<T>(what: string, operation: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      const retriable = (error as { retriable?: boolean }).retriable === true;
      if (!retriable || attempt >= ATTEMPTS) {
        throw new Error(`Kafka: ${what} failed after ${attempt} attempt(s): ${(error as Error).message}`, { cause: error });
      }
      await sleep(100 * 2 ** (attempt - 1));
    }
  }
}
