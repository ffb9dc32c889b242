import type { EventDefinition } from '@kessai/shared-contracts';
import type { JsonSchema } from './json-schema';

/** One published event with its owning context and its generated envelope schema. */
export interface DocumentedEvent {
  context: string;
  event: EventDefinition;
  schema: JsonSchema;
}

// The service that runs each context's outbox relay, i.e. the one that sends its events.
const SERVICE_OF_CONTEXT: Record<string, string> = {
  billing: 'billing-requests',
  payment: 'payment-screen',
  recurring: 'recurring-engine',
  screening: 'credit-screening',
  throttle: 'throttle-gateway',
  processor: 'processor-sim',
};

const KAFKA_BINDING_VERSION = '0.5.0';

const DESCRIPTION = `Every event Kessai publishes on Kafka, generated from the event catalogue (\`@kessai/shared-event-catalogue\`) by \`tools/contracts/generate-event-docs.ts\`: do not edit by hand.

**Topics.** One topic per event type and version: \`<context>.<aggregate>.<verb>.v<version>\`, e.g. \`billing.bill.created.v1\`. Test suites sharing a broker put a prefix before the topic name.

**Message key.** The merchant id (\`merchantId\` of the envelope), so one merchant's events stay in order on one partition.

**Value.** A JSON envelope (\`eventId\`, \`type\`, \`version\`, \`occurredAt\`, \`merchantId\`, \`correlationId\`, \`causationId\`, \`traceparent\`) around the event's payload. Events are published through a transactional outbox (at least once): consumers deduplicate on \`eventId\`.

**Compatibility.** Within a version a payload only gains optional fields, so consumers must ignore fields they do not know. Any other change is a new version on a new topic. The schema of every published version is kept in \`docs/events/published/\` and checked by \`tools/contracts/check-compatibility.ts\`.

**Dead letters.** Each consumer group \`<service>.<what-it-does>\` has its own dead-letter topic \`<service>.<what-it-does>.dlq\`. An event that is not valid JSON or does not match its contract goes there at once; an event whose handler keeps failing goes there after the configured retries with exponential backoff (at once when the handler throws \`UnprocessableEventError\`). The dead letter keeps the original key, value and headers and adds \`dlq-reason\`, \`dlq-consumer\`, \`dlq-original-topic\`, \`dlq-original-partition\`, \`dlq-original-offset\`, \`dlq-attempts\` and \`dlq-failed-at\` (ISO 8601) headers. The consumer commits the offset and carries on with the next event.`;

const HEADERS: JsonSchema = {
  type: 'object',
  properties: {
    traceparent: {
      type: 'string',
      description:
        'W3C trace context of the producer span, continuing the trace of the request that caused the event.',
      pattern: '^[\\da-f]{2}-[\\da-f]{32}-[\\da-f]{16}-[\\da-f]{2}$',
    },
    'event-id': { type: 'string', description: 'The envelope eventId (UUIDv7).', format: 'uuid' },
    'event-type': { type: 'string', description: 'The envelope type, e.g. billing.bill.created.' },
    'event-version': {
      type: 'string',
      description: 'The envelope version as decimal text, e.g. "1".',
      pattern: '^[1-9][0-9]*$',
    },
    'content-type': { type: 'string', const: 'application/json' },
  },
  required: ['content-type', 'event-id', 'event-type', 'event-version'],
};

/** An AsyncAPI 3.0 document: a channel per topic, the owning service's send operation and the message. */
export function buildAsyncApiDocument(events: DocumentedEvent[]): JsonSchema {
  const sorted = [...events].sort((a, b) => (a.event.topic < b.event.topic ? -1 : 1));
  return {
    asyncapi: '3.0.0',
    info: { title: 'Kessai events', version: '1.0.0', description: DESCRIPTION },
    defaultContentType: 'application/json',
    channels: Object.fromEntries(sorted.map((documented) => [documented.event.topic, channelOf(documented)])),
    operations: Object.fromEntries(
      sorted.map((documented) => [`${documented.event.topic}.send`, sendOperationOf(documented)]),
    ),
    components: {
      messages: Object.fromEntries(
        sorted.map((documented) => [documented.event.topic, messageOf(documented)]),
      ),
    },
  };
}

function channelOf({ event }: DocumentedEvent): JsonSchema {
  return {
    address: event.topic,
    title: event.topic,
    description: event.description,
    messages: { [event.topic]: { $ref: `#/components/messages/${pointerEscape(event.topic)}` } },
  };
}

function sendOperationOf({ context, event }: DocumentedEvent): JsonSchema {
  const service = serviceOf(context);
  return {
    action: 'send',
    channel: { $ref: `#/channels/${pointerEscape(event.topic)}` },
    messages: [{ $ref: `#/channels/${pointerEscape(event.topic)}/messages/${pointerEscape(event.topic)}` }],
    summary: `${service} publishes ${event.topic} through its outbox.`,
    tags: [{ name: `context:${context}` }, { name: `service:${service}` }],
  };
}

function messageOf({ event, schema }: DocumentedEvent): JsonSchema {
  const { $schema: _dialect, ...envelope } = schema;
  return {
    name: event.type,
    title: `${event.type} v${event.version}`,
    summary: event.description,
    contentType: 'application/json',
    headers: HEADERS,
    payload: { schemaFormat: 'application/schema+json;version=draft-07', schema: envelope },
    bindings: {
      kafka: {
        bindingVersion: KAFKA_BINDING_VERSION,
        key: {
          type: 'string',
          minLength: 1,
          description: "The envelope's merchantId: a merchant's events keep their order on one partition.",
        },
      },
    },
  };
}

function serviceOf(context: string): string {
  const service = SERVICE_OF_CONTEXT[context];
  if (!service)
    throw new Error(
      `No service is known to publish the events of context "${context}": add it to SERVICE_OF_CONTEXT`,
    );
  return service;
}

// JSON Pointer escaping (RFC 6901): topic names have no "~" or "/" today, but a pointer must not break if one does.
function pointerEscape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
