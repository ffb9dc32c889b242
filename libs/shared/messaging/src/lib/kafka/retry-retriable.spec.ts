import { retryRetriable } from './retry-retriable';

const retriable = (message: string) => Object.assign(new Error(message), { retriable: true });

describe('retryRetriable', () => {
  it('tries again while the broker says the error is retriable', async () => {
    const operation = jest
      .fn()
      .mockRejectedValueOnce(retriable('This server does not host this topic-partition'))
      .mockResolvedValueOnce('created');
    await expect(retryRetriable('creating topics', operation)).resolves.toBe('created');
    expect(operation).toHaveBeenCalledTimes(2);
  });

  it('gives up at once on an error that is not retriable, saying what failed', async () => {
    const operation = jest.fn().mockRejectedValue(new Error('Topic name is invalid'));
    await expect(retryRetriable('creating topics a', operation)).rejects.toThrow(
      'Kafka: creating topics a failed after 1 attempt(s): Topic name is invalid',
    );
    expect(operation).toHaveBeenCalledTimes(1);
  });
});
