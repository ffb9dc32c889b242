import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { KafkaInspector } from '@kessai/shared-messaging';

/** Where integration tests find PostgreSQL and Kafka (started by `npm test`). */
export const TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_KAFKA_BROKERS = ['127.0.0.1:9092'];
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * A namespace of its own for one test suite: a PostgreSQL schema and a Kafka topic prefix, so suites can run
 * side by side and leave nothing behind.
 */
export class TestNamespace {
  readonly id = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  readonly topicPrefix = `${this.id}.`;
  readonly kafka = new KafkaInspector(TEST_KAFKA_BROKERS);

  constructor(readonly label: string) {}

  /** A schema name for one service within this namespace. */
  schema(service: string): string {
    return `${this.id}_${service}`.replace(/[^a-z0-9_]/g, '_');
  }

  /** Environment for a service started in this namespace: its own schema, prefixed topics, test mode. */
  serviceEnvironment(service: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: this.schema(service),
      KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      KAFKA_TOPIC_PARTITIONS: '3',
      KAFKA_CONSUMER_SESSION_TIMEOUT_MS: '6000',
      REDIS_URL: TEST_REDIS_URL,
      OUTBOX_POLL_INTERVAL_MS: '50',
      ...extra,
    };
  }

  topic(name: string): string {
    return `${this.topicPrefix}${name}`;
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async cleanUp(): Promise<void> {
    const schemas = await this.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [
      `${this.id}\\_%`,
    ]);
    for (const { nspname } of schemas) await this.query(`DROP SCHEMA "${nspname}" CASCADE`);
    await this.kafka.deleteTopicsWithPrefix(this.topicPrefix);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
