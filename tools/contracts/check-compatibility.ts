// Decorator metadata (design:type) is recorded only if reflect-metadata is loaded before the contract classes.
import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EVENT_CATALOGUE } from '@kessai/shared-event-catalogue';
import { toCanonicalJson } from './canonical-json';
import { documentEvents, PUBLISHED_DIR, REPOSITORY_ROOT, schemaFileOf } from './event-docs.renderer';
import { isJsonSchema, JsonSchema } from './json-schema';
import { describeBreakingChange, findBreakingChanges } from './schema-compatibility';

/**
 * Fails when an event version in docs/events/published/ has changed incompatibly in the catalogue, or is gone.
 * A topic with no published schema yet fails too, until `--accept-new` records it: a published baseline is only
 * ever added, never overwritten.
 */
function main(argv: string[]): number {
  const current = new Map(documentEvents(EVENT_CATALOGUE).map(({ event, schema }) => [event.topic, schema]));
  const published = readPublished();

  const breaking = [...published].flatMap(([topic, schema]) => {
    const now = current.get(topic);
    if (!now) return [`${topic}: the published event version is no longer in the event catalogue`];
    return findBreakingChanges(schema, now).map((change) => describeBreakingChange(topic, change));
  });
  const unpublished = [...current.keys()].filter((topic) => !published.has(topic));

  if (argv.includes('--accept-new')) {
    mkdirSync(PUBLISHED_DIR, { recursive: true });
    // 'wx' refuses to overwrite: an accepted baseline is what consumers were promised.
    for (const topic of unpublished)
      writeFileSync(schemaFileOf(PUBLISHED_DIR, topic), toCanonicalJson(current.get(topic)), { flag: 'wx' });
    if (unpublished.length)
      console.log(`Accepted new event versions into ${shown(PUBLISHED_DIR)}: ${unpublished.join(', ')}`);
  } else if (unpublished.length) {
    console.error(
      `New event versions have no published schema yet: ${unpublished.join(', ')}\n` +
        `  Once they are final, record them with: npm run contracts:accept-new (and commit ${shown(PUBLISHED_DIR)}).`,
    );
  }

  if (breaking.length) {
    console.error(
      `Incompatible changes to published events (within a version, only add optional fields; otherwise publish a new version):\n` +
        breaking.map((line) => `  - ${line}`).join('\n'),
    );
    return 1;
  }
  if (unpublished.length && !argv.includes('--accept-new')) return 1;
  console.log(`Published events are compatible (${published.size} checked).`);
  return 0;
}

function readPublished(): Map<string, JsonSchema> {
  if (!existsSync(PUBLISHED_DIR)) return new Map();
  const files = readdirSync(PUBLISHED_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return new Map(
    files.map((name) => {
      const schema: unknown = JSON.parse(readFileSync(join(PUBLISHED_DIR, name), 'utf8'));
      if (!isJsonSchema(schema))
        throw new Error(`${shown(join(PUBLISHED_DIR, name))} is not a JSON Schema object`);
      return [name.slice(0, -'.json'.length), schema];
    }),
  );
}

function shown(file: string): string {
  return relative(REPOSITORY_ROOT, file);
}

process.exitCode = main(process.argv.slice(2));
