// Creates every topic of the contracts' event catalogue that is missing. Run by `npm start`.
import { allEvents } from '@kessai/shared-event-catalogue';
import { KafkaInspector } from '@kessai/shared-messaging';

async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const partitions = Number(process.env.KAFKA_TOPIC_PARTITIONS ?? '6');
  if (!Number.isInteger(partitions) || partitions < 1) throw new Error('KAFKA_TOPIC_PARTITIONS must be a whole number from 1');
  const topics = allEvents().map((event) => event.topic);
  const created = await new KafkaInspector(brokers).ensureTopics(topics, partitions);
  console.log(`topics: ${topics.length} in the catalogue, ${created.length} created (${partitions} partitions each)`);
}

main().catch((error: Error) => {
  console.error(`create-topics failed: ${error.message}`);
  process.exit(1);
});
