import { MERCHANT_API_OPENAPI } from './merchant-api.openapi';
import { MERCHANT_SERVICES, PREFIX_METHODS, RouteTable } from './merchant-routes';

const documentedOperations = () =>
  Object.entries(MERCHANT_API_OPENAPI.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })));

const isUnderPrefix = (path: string) => MERCHANT_SERVICES.some(({ prefixes = [] }) => prefixes.some((prefix) => path.startsWith(`${prefix}/`)));

describe('the merchant API route table', () => {
  it('documents every exact route in the one OpenAPI document, and nothing outside the routed prefixes', () => {
    const routed = MERCHANT_SERVICES.flatMap(({ routes }) => routes)
      .filter(({ path }) => !isUnderPrefix(path))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const documented = documentedOperations()
      .filter(({ path }) => !isUnderPrefix(path))
      .map(({ method, path }) => `${method.toLowerCase()} ${path}`)
      .sort();
    expect(documented).toEqual(routed);
  });

  it('lists every routed prefix in the OpenAPI document, and routes every documented path under one to its service', () => {
    const prefixes = MERCHANT_SERVICES.flatMap(({ service, prefixes = [] }) => prefixes.map((prefix) => ({ prefix, service, methods: [...PREFIX_METHODS] })));
    expect(MERCHANT_API_OPENAPI['x-kessai-routed-prefixes']).toEqual(prefixes);
    const table = new RouteTable(MERCHANT_SERVICES);
    const documentedUnderPrefixes = documentedOperations().filter(({ path }) => isUnderPrefix(path));
    for (const { method, path } of documentedUnderPrefixes) {
      expect(table.match(method, path.replace(/\{\w+\}/g, 'x'))).toBeDefined();
    }
    // An exact route under a prefix (e.g. a streamed upload) is documented too.
    const exactUnderPrefixes = MERCHANT_SERVICES.flatMap(({ routes }) => routes.filter((r) => isUnderPrefix(r.path)).map((r) => `${r.method} ${r.path}`));
    expect(documentedUnderPrefixes.map(({ method, path }) => `${method} ${path}`)).toEqual(expect.arrayContaining(exactUnderPrefixes));
  });

  it('matches a route by method and path, parameters as single segments', () => {
    const table = new RouteTable(MERCHANT_SERVICES);
    expect(table.match('POST', '/bills')?.route.submission).toBe(true);
    expect(table.match('GET', '/bills/0190f3a0-0000-7000-8000-000000000000')?.service).toBe('billing-requests');
    expect(table.match('GET', '/bills/a/b')).toBeUndefined();
    expect(table.match('POST', '/bill-imports')?.route.streamed).toBe(true);
    expect(table.match('POST', '/recurring/files')?.route.streamed).toBe(true);
    expect(table.match('GET', '/recurring/files')?.route.streamed).toBeUndefined();
    expect(table.match('DELETE', '/bills/x')).toBeUndefined();
    expect(table.match('GET', '/admin/merchants')).toBeUndefined();
    expect(table.match('PUT', '/payment-pages/branding')?.service).toBe('payment-screen');
    expect(table.match('POST', '/decisions')).toMatchObject({ service: 'credit-screening', route: { submission: true, paymentMethodsField: 'paymentMethod' } });
    expect(table.match('GET', '/decisions/0190f3a0-0000-7000-8000-000000000000')?.service).toBe('credit-screening');
  });

  it('routes any method and any path under /recurring/ to the recurring engine, so new endpoints need no gateway change', () => {
    const table = new RouteTable(MERCHANT_SERVICES);
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(table.match(method, '/recurring/members/m-1/definitions')).toEqual({ service: 'recurring-engine', route: { method, path: '/recurring/*' } });
    }
    expect(table.match('GET', '/recurring/uploads')?.service).toBe('recurring-engine');
    expect(table.match('POST', '/recurring/files')?.route).toMatchObject({ path: '/recurring/files', streamed: true });
    expect(table.match('GET', '/recurring/files')?.route.streamed).toBeUndefined();
    expect(table.match('OPTIONS', '/recurring/uploads')).toBeUndefined();
    expect(table.match('GET', '/recurring')).toBeUndefined();
    expect(table.match('GET', '/recurring/')).toBeUndefined();
    expect(table.match('GET', '/recurringx/uploads')).toBeUndefined();
    expect(table.match('GET', '/jobs/generate-charges/executions')).toBeUndefined();
  });

  it('never lets a dot segment or an encoded slash leave the /recurring/ prefix', () => {
    const table = new RouteTable(MERCHANT_SERVICES);
    for (const path of ['/recurring/../jobs/x/executions', '/recurring/./x', '/recurring/..', '/recurring/%2e%2e/jobs', '/recurring/a%2Fb', '/recurring//jobs', '/recurring/a\\..\\b']) {
      expect(table.match('POST', path)).toBeUndefined();
    }
    expect(table.match('GET', '/recurring/files/2026-11.csv')?.service).toBe('recurring-engine');
  });
});
