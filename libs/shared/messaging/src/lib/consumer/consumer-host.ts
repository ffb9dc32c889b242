import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { KafkaConnection } from '../kafka/kafka-connection';
import { MESSAGING_OPTIONS, MessagingOptions } from '../messaging.options';
import { EventConsumer } from './event-consumer';
import { EventHandler, WorkMessageHandler } from './event-handler';

/** Starts the service's consumers once the application is up, and stops them first on shutdown. */
@Injectable()
export class ConsumerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ConsumerHost');
  private consumers: EventConsumer[] = [];
  private started = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly kafka: KafkaConnection,
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  get isRunning(): boolean {
    return this.started || this.options.consumers.length === 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.consumers = this.options.consumers.map(
      (registration) =>
        new EventConsumer(
          registration,
          this.moduleRef.get<EventHandler<object> | WorkMessageHandler<object>>(registration.handler, { strict: false }),
          this.options,
          this.kafka,
          this.dataSource,
        ),
    );
    await this.kafka.ensureTopics(
      [...this.consumers.flatMap((c) => [c.topic, c.deadLetterTopic])],
      this.options.partitions,
    );
    await Promise.all(this.consumers.map((consumer) => consumer.start()));
    this.started = true;
    if (this.consumers.length > 0) this.logger.log(`consuming ${this.consumers.map((c) => c.topic).join(', ')}`);
  }

  async onModuleDestroy(): Promise<void> {
    this.started = false;
    await Promise.allSettled(this.consumers.map((consumer) => consumer.stop()));
  }
}
