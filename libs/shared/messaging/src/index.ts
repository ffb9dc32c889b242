export { MessagingModule } from './lib/messaging.module';
export {
  type MessagingOptions,
  type ConsumerRegistration,
  prefixedTopic,
  deadLetterTopic,
  defineConsumer,
} from './lib/messaging.options';
export { OutboxWriter, PreparedOutboxRow } from './lib/outbox/outbox.writer';
export { OutboxRelay } from './lib/outbox/outbox.relay';
export { OutboxMessageEntity } from './lib/outbox/outbox-message.entity';
export { outboxBucketOf, OUTBOX_BUCKETS } from './lib/outbox/outbox-bucket';
export { InboxMessageEntity } from './lib/inbox/inbox-message.entity';
export { type EventHandler, type WorkMessageHandler, type WorkDelivery, UnprocessableEventError } from './lib/consumer/event-handler';
export { KafkaConnection, type OutgoingMessage } from './lib/kafka/kafka-connection';
export { MessagingReadiness } from './lib/messaging.readiness';
export { MESSAGING_ENTITIES, createMessagingTables, dropMessagingTables } from './lib/messaging-tables';
export { KafkaInspector, type InspectedMessage } from './lib/kafka/kafka-inspector';
