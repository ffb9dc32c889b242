// Decorator metadata (design:type) is recorded only if reflect-metadata is loaded before the contract classes.
import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { EVENT_CATALOGUE } from '@kessai/shared-event-catalogue';
import { documentEvents, renderEventDocs, REPOSITORY_ROOT, SCHEMAS_DIR } from './event-docs.renderer';

/**
 * Writes docs/events/asyncapi.json and docs/events/schemas/<topic>.json from the event catalogue.
 * With --check it writes nothing and fails when the committed files differ from what it would write.
 */
function main(argv: string[]): number {
  const files = renderEventDocs(documentEvents(EVENT_CATALOGUE));
  const leftOver = existingSchemaFiles().filter((file) => !files.has(file));
  if (argv.includes('--check')) return check(files, leftOver);

  for (const file of leftOver) rmSync(file);
  for (const [file, content] of files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  console.log(
    `Wrote ${files.size} files to docs/events${leftOver.length ? `, removed ${leftOver.map(shown).join(', ')}` : ''}.`,
  );
  return 0;
}

function check(files: Map<string, string>, leftOver: string[]): number {
  const stale = [
    ...[...files]
      .filter(([file, content]) => !existsSync(file) || readFileSync(file, 'utf8') !== content)
      .map(([file]) => `${shown(file)} differs or is missing`),
    ...leftOver.map((file) => `${shown(file)} has no event in the catalogue`),
  ];
  if (stale.length === 0) {
    console.log(`docs/events is up to date (${files.size} files).`);
    return 0;
  }
  console.error(
    `docs/events is stale: run npm run contracts:generate\n${stale.map((line) => `  - ${line}`).join('\n')}`,
  );
  return 1;
}

function existingSchemaFiles(): string[] {
  if (!existsSync(SCHEMAS_DIR)) return [];
  return readdirSync(SCHEMAS_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(SCHEMAS_DIR, name));
}

function shown(file: string): string {
  return relative(REPOSITORY_ROOT, file);
}

process.exitCode = main(process.argv.slice(2));
