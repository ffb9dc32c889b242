import type { Admin } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { retryRetriable } from './retry-retriable';

const LEADER_WAIT_ATTEMPTS = 100;

/**
 * Creates the topics that do not exist yet and waits until every partition of each has a leader; returns the
 * ones it created. Not kafkajs's `waitForLeaders`: on a busy broker its wait loop lets an "unknown topic or
 * partition" answer escape as an unhandled rejection that kills the process. Retriable answers are retried.
 */
export function createMissingTopics(admin: Admin, topics: string[], partitions: number): Promise<string[]> {
  return retryRetriable(`creating topics ${topics.join(', ')}`, async () => {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: -1 })),
    });
    // Also waits when another module of the service created the same topics at the same moment.
    for (let attempt = 1; ; attempt++) {
      try {
        const { topics: served } = await admin.fetchTopicMetadata({ topics: missing });
        const led = served.every((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0));
        if (led) return missing;
      } catch (error) {
        if (attempt >= LEADER_WAIT_ATTEMPTS) throw error;
      }
      if (attempt >= LEADER_WAIT_ATTEMPTS) throw new Error(`topics ${missing.join(', ')} have no leader yet`);
      await sleep(100);
    }
  });
}
