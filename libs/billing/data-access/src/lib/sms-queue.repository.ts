import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '@kessai/shared-ids';
import { SmsMessageEntity, SmsMessageKind } from './sms-message.entity';

export interface SmsWindowSettings {
  startHour: number;
  endHour: number;
}

@Injectable()
export class SmsQueueRepository {
  /** Queues an SMS in the caller's transaction (with the bill's transition), to go out at `notBefore`. */
  async enqueue(
    transaction: EntityManager,
    message: { merchantId: string; billId: string; kind: SmsMessageKind; toPhone: string; body: string; notBefore: Date; now: Date },
  ): Promise<SmsMessageEntity> {
    const entity: SmsMessageEntity = {
      id: newId(),
      merchantId: message.merchantId,
      billId: message.billId,
      kind: message.kind,
      toPhone: message.toPhone,
      body: message.body,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: message.notBefore,
      provider: null,
      providerMessageId: null,
      deliveryStatus: null,
      lastError: null,
      createdAt: message.now,
      sentAt: null,
    };
    await transaction.insert(SmsMessageEntity, entity);
    return entity;
  }

  /** A merchant's own sending window, if it set one. */
  async windowOf(transaction: EntityManager, merchantId: string): Promise<SmsWindowSettings | null> {
    const table = transaction.connection.getMetadata(SmsMessageEntity).tablePath.replace(/sms_message$/, 'merchant_sms_settings');
    const rows: { window_start_hour: number; window_end_hour: number }[] = await transaction.query(
      `SELECT window_start_hour, window_end_hour FROM ${table} WHERE merchant_id = $1`,
      [merchantId],
    );
    return rows[0] ? { startHour: rows[0].window_start_hour, endHour: rows[0].window_end_hour } : null;
  }

  async setWindow(transaction: EntityManager, merchantId: string, window: SmsWindowSettings): Promise<void> {
    const table = transaction.connection.getMetadata(SmsMessageEntity).tablePath.replace(/sms_message$/, 'merchant_sms_settings');
    await transaction.query(
      `INSERT INTO ${table} (merchant_id, window_start_hour, window_end_hour) VALUES ($1, $2, $3)
       ON CONFLICT (merchant_id) DO UPDATE SET window_start_hour = EXCLUDED.window_start_hour, window_end_hour = EXCLUDED.window_end_hour`,
      [merchantId, window.startHour, window.endHour],
    );
  }
}
