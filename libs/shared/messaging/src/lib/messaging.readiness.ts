import { Injectable } from '@nestjs/common';
import { ConsumerHost } from './consumer/consumer-host';
import { KafkaConnection } from './kafka/kafka-connection';

@Injectable()
export class MessagingReadiness {
  constructor(
    private readonly kafka: KafkaConnection,
    private readonly consumers: ConsumerHost,
  ) {}

  /** Ready when the broker answers an admin call and every consumer has joined its group. */
  async check(): Promise<{ up: boolean; detail?: string }> {
    await this.kafka.ping();
    return this.consumers.isRunning ? { up: true } : { up: false, detail: 'consumers not started' };
  }
}
