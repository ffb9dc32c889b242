import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { newId } from '@kessai/shared-ids';
import { WebhookAttemptEntity, WebhookDeliveryEntity, WebhookDeliveryStatus, WebhookEndpointEntity } from './webhook.entities';

@Injectable()
export class WebhookRepository {
  constructor(private readonly dataSource: DataSource) {}

  async endpointOf(transaction: EntityManager | null, merchantId: string): Promise<WebhookEndpointEntity | null> {
    return (transaction ?? this.dataSource.manager).findOneBy(WebhookEndpointEntity, { merchantId });
  }

  async saveEndpoint(endpoint: WebhookEndpointEntity): Promise<void> {
    await this.dataSource.getRepository(WebhookEndpointEntity).upsert(endpoint, ['merchantId']);
  }

  async deleteEndpoint(merchantId: string): Promise<boolean> {
    return ((await this.dataSource.getRepository(WebhookEndpointEntity).delete({ merchantId })).affected ?? 0) > 0;
  }

  /** Queues a delivery in the caller's transaction. */
  async enqueue(
    transaction: EntityManager,
    delivery: Pick<WebhookDeliveryEntity, 'merchantId' | 'eventId' | 'eventType' | 'billId' | 'body' | 'replayOf'> & { now: Date; giveUpAfterMs: number },
  ): Promise<WebhookDeliveryEntity> {
    const { now, giveUpAfterMs, ...fields } = delivery;
    const entity: WebhookDeliveryEntity = {
      ...fields,
      id: newId(),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      giveUpAt: new Date(now.getTime() + giveUpAfterMs),
      createdAt: now,
      deliveredAt: null,
    };
    await transaction.insert(WebhookDeliveryEntity, entity);
    return entity;
  }

  /** Queues many deliveries of one merchant in one INSERT (a CSV import's bills). */
  async enqueueMany(
    transaction: EntityManager,
    merchantId: string,
    deliveries: { eventId: string; eventType: string; billId: string; body: string }[],
    now: Date,
    giveUpAfterMs: number,
  ): Promise<void> {
    if (deliveries.length === 0) return;
    const table = transaction.connection.getMetadata(WebhookDeliveryEntity).tablePath;
    await transaction.query(
      `INSERT INTO ${table} (id, merchant_id, event_id, event_type, bill_id, body, status, attempts, next_attempt_at, give_up_at, created_at)
       SELECT d.id, $1, d.event_id, d.event_type, d.bill_id, d.body, 'pending', 0, $2, $3, $2
       FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::uuid[], $8::text[]) AS d(id, event_id, event_type, bill_id, body)`,
      [
        merchantId,
        now,
        new Date(now.getTime() + giveUpAfterMs),
        deliveries.map(() => newId()),
        deliveries.map((d) => d.eventId),
        deliveries.map((d) => d.eventType),
        deliveries.map((d) => d.billId),
        deliveries.map((d) => d.body),
      ],
    );
  }

  async findOfMerchant(merchantId: string, deliveryId: string): Promise<WebhookDeliveryEntity | null> {
    return this.dataSource.getRepository(WebhookDeliveryEntity).findOneBy({ merchantId, id: deliveryId });
  }

  async list(
    merchantId: string,
    filter: { billId?: string; status?: WebhookDeliveryStatus; afterId?: string; limit: number },
  ): Promise<{ delivery: WebhookDeliveryEntity; attempts: WebhookAttemptEntity[] }[]> {
    const query = this.dataSource.getRepository(WebhookDeliveryEntity).createQueryBuilder('d').where('d.merchant_id = :merchantId', { merchantId });
    if (filter.billId) query.andWhere('d.bill_id = :billId', { billId: filter.billId });
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    if (filter.afterId) query.andWhere('d.id > :afterId', { afterId: filter.afterId });
    const deliveries = await query.orderBy('d.id').limit(filter.limit).getMany();
    const attempts =
      deliveries.length === 0
        ? []
        : await this.dataSource.getRepository(WebhookAttemptEntity).find({ where: { deliveryId: In(deliveries.map((d) => d.id)) }, order: { id: 'ASC' } });
    return deliveries.map((delivery) => ({ delivery, attempts: attempts.filter((a) => a.deliveryId === delivery.id) }));
  }

  /** Due pending deliveries, locked; other instances skip them. */
  async lockDue(transaction: EntityManager, now: Date, limit: number): Promise<WebhookDeliveryEntity[]> {
    return transaction
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('d')
      .where(`d.status = 'pending' AND d.next_attempt_at <= :now`, { now })
      .orderBy('d.next_attempt_at')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async recordAttempt(
    transaction: EntityManager,
    attempt: Omit<WebhookAttemptEntity, 'id'>,
    change: Partial<Pick<WebhookDeliveryEntity, 'status' | 'attempts' | 'nextAttemptAt' | 'deliveredAt'>>,
  ): Promise<void> {
    await transaction.insert(WebhookAttemptEntity, attempt);
    await transaction.update(WebhookDeliveryEntity, { id: attempt.deliveryId }, change);
  }
}
