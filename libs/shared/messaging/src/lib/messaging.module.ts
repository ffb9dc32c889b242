import { DynamicModule, Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ConsumerHost } from './consumer/consumer-host';
import { KafkaConnection } from './kafka/kafka-connection';
import { MESSAGING_OPTIONS, MessagingOptions, prefixedTopic } from './messaging.options';
import { MessagingReadiness } from './messaging.readiness';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox.writer';

@Injectable()
class PublishedTopics implements OnModuleInit {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly kafka: KafkaConnection,
  ) {}

  async onModuleInit(): Promise<void> {
    const topics = this.options.publishes.map((event) => prefixedTopic(this.options, event.topic));
    await this.kafka.ensureTopics(topics, this.options.partitions);
  }
}

/** Publishing through the outbox and consuming idempotently, over Kafka. */
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        KafkaConnection,
        PublishedTopics,
        OutboxWriter,
        OutboxRelay,
        ConsumerHost,
        MessagingReadiness,
      ],
      exports: [OutboxWriter, OutboxRelay, KafkaConnection, MessagingReadiness],
    };
  }
}
