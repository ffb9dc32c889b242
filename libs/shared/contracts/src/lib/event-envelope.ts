import { IsISO8601, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, Min } from 'class-validator';

/** What every Kessai event carries around its payload. The payload is a contract class, never a database row. */
export class EventEnvelope<TPayload extends object = object> {
  /** Unique id of this event (UUIDv7): consumers deduplicate on it. */
  @IsUUID(7)
  eventId: string;

  /** The event type, e.g. `billing.bill.created`. */
  @Matches(/^[a-z]+(\.[a-z][a-z0-9-]*){2}$/)
  type: string;

  @IsInt()
  @Min(1)
  version: number;

  /** When the state change happened (ISO 8601, UTC). */
  @IsISO8601({ strict: true })
  occurredAt: string;

  /** The merchant the event concerns; also the Kafka message key, so a merchant's events stay in order. */
  @IsString()
  @IsNotEmpty()
  merchantId: string;

  /** Ties together everything that one outside request set off. */
  @IsString()
  @IsNotEmpty()
  correlationId: string;

  /** The id of the request or event that directly caused this one. */
  @IsOptional()
  @IsString()
  causationId?: string;

  /** W3C trace context of the span that produced the event. */
  @IsOptional()
  @Matches(/^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/)
  traceparent?: string;

  @IsObject()
  payload: TPayload;
}
