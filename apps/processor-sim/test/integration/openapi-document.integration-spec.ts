import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

const DOCUMENT_PATH = join(__dirname, '../../../../docs/processor-openapi.json');

/** Paths of the service itself (health, readiness), not of the processor API the document describes. */
const PLATFORM_PATHS = /^\/health(\/|$)/;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `METHOD /path` with path parameters written as `{}`, so `:paymentId` and `{id}` compare equal. */
function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/:[^/]+/g, '{}').replace(/\{[^}]+\}/g, '{}')}`;
}

/** The routes Nest's RouterExplorer logged at start: `Mapped {/v1/cards/:cardId, GET} route`. */
function servedRoutes(output: string[]): Set<string> {
  const routes = new Set<string>();
  for (const line of output) {
    for (const match of line.matchAll(/Mapped \{([^,}]+), ([A-Z]+)\} route/g)) {
      if (!PLATFORM_PATHS.test(match[1])) routes.add(routeKey(match[2], match[1]));
    }
  }
  return routes;
}

function documentedRoutes(document: { paths?: Record<string, Record<string, unknown>> }): Set<string> {
  const routes = new Set<string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of Object.keys(item).filter((key) => HTTP_METHODS.includes(key))) routes.add(routeKey(method, path));
  }
  return routes;
}

describe('processor-sim OpenAPI document (docs/processor-openapi.json)', () => {
  const namespace = new TestNamespace('processor-openapi');
  const document = JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8'));
  let service: ServiceProcess;

  beforeAll(async () => {
    service = new ServiceProcess('processor-sim', await freePort(), namespace.serviceEnvironment('processor')).start();
    await service.waitUntilReady();
  });

  afterAll(async () => {
    await service.stop('SIGTERM');
    await namespace.cleanUp();
  });

  it('is a valid OpenAPI 3.x document', async () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    // The parser dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toMatchObject({ openapi: document.openapi });
  });

  it('documents every route the running simulator serves', () => {
    const served = servedRoutes(service.output);
    expect(served.size).toBeGreaterThan(10);
    const documented = documentedRoutes(document);
    expect([...served].filter((route) => !documented.has(route)).sort()).toEqual([]);
  });

  it('documents only routes the running simulator serves', () => {
    const served = servedRoutes(service.output);
    expect([...documentedRoutes(document)].filter((route) => !served.has(route)).sort()).toEqual([]);
  });
});
