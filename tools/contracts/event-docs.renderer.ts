import { join, resolve } from 'node:path';
import type { EventDefinition } from '@kessai/shared-contracts';
import { buildAsyncApiDocument, DocumentedEvent } from './asyncapi-document.builder';
import { toCanonicalJson } from './canonical-json';
import { buildEventSchema } from './event-schema.builder';

export const REPOSITORY_ROOT = resolve(__dirname, '..', '..');
export const EVENT_DOCS_DIR = join(REPOSITORY_ROOT, 'docs', 'events');
/** Generated: one JSON Schema per topic. */
export const SCHEMAS_DIR = join(EVENT_DOCS_DIR, 'schemas');
/** Committed by hand (`--accept-new`): the schema of every event version as it was published. */
export const PUBLISHED_DIR = join(EVENT_DOCS_DIR, 'published');
export const ASYNCAPI_FILE = join(EVENT_DOCS_DIR, 'asyncapi.json');

/** Every event in the catalogue with its context and schema, in topic order; a topic defined twice is an error. */
export function documentEvents(catalogue: Record<string, EventDefinition[]>): DocumentedEvent[] {
  const documented = Object.entries(catalogue).flatMap(([context, events]) =>
    events.map((event) => ({ context, event, schema: buildEventSchema(event) })),
  );
  const seen = new Set<string>();
  for (const { event } of documented) {
    if (seen.has(event.topic))
      throw new Error(`Topic ${event.topic} is defined twice in the event catalogue`);
    seen.add(event.topic);
  }
  return documented.sort((a, b) => (a.event.topic < b.event.topic ? -1 : 1));
}

/** The generated files under docs/events, by absolute path, with their exact contents. */
export function renderEventDocs(events: DocumentedEvent[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const { event, schema } of events)
    files.set(schemaFileOf(SCHEMAS_DIR, event.topic), toCanonicalJson(schema));
  files.set(ASYNCAPI_FILE, toCanonicalJson(buildAsyncApiDocument(events)));
  return files;
}

export function schemaFileOf(dir: string, topic: string): string {
  return join(dir, `${topic}.json`);
}
