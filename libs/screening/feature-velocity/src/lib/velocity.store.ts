import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { FeatureValues, IdentityKind, velocityFeature, VELOCITY_WINDOWS } from '@kessai/screening-domain';
import { REDIS } from '@kessai/shared-redis';
import { READ_VELOCITY_SCRIPT, RECORD_PAYMENT_SCRIPT } from './velocity-scripts';

export const VELOCITY_KEY_PREFIX = Symbol('VELOCITY_KEY_PREFIX');

type Identities = Partial<Record<IdentityKind, string>>;
type VelocityRedis = Redis & {
  recordPayment(seen: string, minutes: string, hours: string, days: string, at: number, amount: number, now: number): Promise<number>;
  readVelocity(minutes: string, hours: string, days: string, now: number): Promise<number[]>;
};

/**
 * Payment counts and amount sums per identity (card reference, phone, e-mail, IP, device) over sliding windows
 * of 1 hour (minute precision), 24 hours (hour precision) and 30 days (day precision), in Redis.
 */
@Injectable()
export class VelocityStore implements OnModuleInit, OnApplicationShutdown {
  private readonly redis: VelocityRedis;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(VELOCITY_KEY_PREFIX) private readonly prefix: string,
  ) {
    // A connection of its own with auto-pipelining: the reads of every decision in flight (and of a whole bulk
    // request) leave in one write and come back in one round trip.
    const own = redis.duplicate({ enableAutoPipelining: true, connectionName: `${redis.options.connectionName ?? 'screening'}-velocity` });
    own.defineCommand('recordPayment', { numberOfKeys: 4, lua: RECORD_PAYMENT_SCRIPT });
    own.defineCommand('readVelocity', { numberOfKeys: 3, lua: READ_VELOCITY_SCRIPT });
    this.redis = own as VelocityRedis;
  }

  /** Commands are not queued while disconnected (fail fast): wait for the connection before taking traffic. */
  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('velocity Redis connection not ready within 10 s')), 10_000);
      this.redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Counts a payment once per identity, however often its event is delivered. */
  async record(eventId: string, identities: Identities, at: Date, amount: number, now: Date = at): Promise<void> {
    const pipeline = this.redis.pipeline() as unknown as VelocityRedis;
    const present = this.present(identities);
    for (const [kind, value] of present) {
      const keys = this.keys(kind, value);
      pipeline.recordPayment(`${keys.tag}:seen:${eventId}`, keys.minutes, keys.hours, keys.days, at.getTime(), amount, now.getTime());
    }
    if (present.length > 0) await failOnError((pipeline as unknown as ReturnType<Redis['pipeline']>).exec());
  }

  /** The velocity features of the given identities, read in one round trip. */
  async read(identities: Identities, now: Date): Promise<FeatureValues> {
    const present = this.present(identities);
    if (present.length === 0) return {};
    const at = now.getTime();
    const results = await Promise.all(present.map(([kind, value]) => {
      const keys = this.keys(kind, value);
      return this.redis.readVelocity(keys.minutes, keys.hours, keys.days, at);
    }));
    const features: Record<string, number> = {};
    present.forEach(([kind], i) => {
      const values = results[i] as number[];
      VELOCITY_WINDOWS.forEach((window, w) => {
        features[velocityFeature(kind, 'count', window)] = Number(values[w * 2]);
        features[velocityFeature(kind, 'sum', window)] = Number(values[w * 2 + 1]);
      });
    });
    return features;
  }

  private present(identities: Identities): [IdentityKind, string][] {
    return (Object.entries(identities) as [IdentityKind, string | undefined][]).filter(
      (entry): entry is [IdentityKind, string] => typeof entry[1] === 'string' && entry[1].length > 0,
    );
  }

  /** Keys hold a digest of the identity, never the phone number or e-mail address itself. */
  private keys(kind: IdentityKind, value: string) {
    const digest = createHash('sha256').update(`${kind}:${value.trim().toLowerCase()}`).digest('hex').slice(0, 24);
    const tag = `${this.prefix}vel:{${kind}:${digest}}`;
    return { tag, minutes: `${tag}:m`, hours: `${tag}:h`, days: `${tag}:d` };
  }
}

async function failOnError(execution: Promise<[Error | null, unknown][] | null>): Promise<unknown[]> {
  const results = (await execution) ?? [];
  const failure = results.find(([error]) => error);
  if (failure?.[0]) throw failure[0];
  return results.map(([, value]) => value);
}
