import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { createMissingTopics } from './create-missing-topics';
import { retryRetriable } from './retry-retriable';

export interface InspectedMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads and writes raw messages outside any consumer group: for operators (looking into a dead-letter
 * topic) and for tests (sending a malformed event, counting what a topic holds).
 */
export class KafkaInspector {
  private readonly kafka: Kafka;

  constructor(brokers: string[]) {
    this.kafka = new Kafka({ clientId: 'kessai-inspector', brokers, logLevel: logLevel.NOTHING });
  }

  async send(topic: string, messages: { key: string; value: string; headers?: Record<string, string> }[]): Promise<void> {
    const producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages });
    } finally {
      await producer.disconnect();
    }
  }

  /** Every message the topic holds now, across its partitions, oldest first per partition. */
  async readAll(topic: string): Promise<InspectedMessage[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    let ends: { partition: number; low: string; high: string }[];
    try {
      ends = (await retryRetriable(`reading the offsets of ${topic}`, () => admin.fetchTopicOffsets(topic))).map(({ partition, low, high }) => ({
        partition,
        low,
        high,
      }));
    } finally {
      await admin.disconnect();
    }
    const wanted = ends.filter((end) => BigInt(end.high) > BigInt(end.low));
    if (wanted.length === 0) return [];

    const consumer = this.kafka.consumer({ groupId: `kessai-inspector-${process.pid}-${Date.now()}` });
    const messages: InspectedMessage[] = [];
    const remaining = new Map(wanted.map((end) => [end.partition, BigInt(end.high)]));
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out reading ${topic}`)), 30_000);
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              messages.push({
                partition,
                offset: message.offset,
                key: message.key?.toString('utf8') ?? null,
                value: message.value?.toString('utf8') ?? null,
                headers: Object.fromEntries(
                  Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(Array.isArray(value) ? value[0] : value)]),
                ),
              });
              if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n)) remaining.delete(partition);
              if (remaining.size === 0) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return messages;
  }

  /** Creates the topics that do not exist yet; returns the ones it created. */
  async ensureTopics(topics: string[], partitions: number): Promise<string[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await createMissingTopics(admin, topics, partitions);
    } finally {
      await admin.disconnect();
    }
  }

  async deleteTopicsWithPrefix(prefix: string): Promise<void> {
    if (prefix.length < 3) throw new Error('Refusing to delete topics by a prefix this short');
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
      if (topics.length > 0) await admin.deleteTopics({ topics });
      // Groups are only bookkeeping: a coordinator still loading must not fail the clean-up.
      const groups = await admin
        .listGroups()
        .then(({ groups: all }) => all.map((g) => g.groupId).filter((id) => id.startsWith(prefix)))
        .catch(() => []);
      if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  }
}
