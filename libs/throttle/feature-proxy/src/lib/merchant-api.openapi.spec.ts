import { MERCHANT_API_OPENAPI } from './merchant-api.openapi';
import { MERCHANT_SERVICES, RouteTable } from './merchant-routes';

describe('the merchant API route table', () => {
  it('documents every routed operation in the one OpenAPI document, and nothing else', () => {
    const routed = MERCHANT_SERVICES.flatMap(({ routes }) => routes.map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`)).sort();
    const documented = Object.entries(MERCHANT_API_OPENAPI.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`)).sort();
    expect(documented).toEqual(routed);
  });

  it('matches a route by method and path, parameters as single segments', () => {
    const table = new RouteTable(MERCHANT_SERVICES);
    expect(table.match('POST', '/bills')?.route.submission).toBe(true);
    expect(table.match('GET', '/bills/0190f3a0-0000-7000-8000-000000000000')?.service).toBe('billing-requests');
    expect(table.match('GET', '/bills/a/b')).toBeUndefined();
    expect(table.match('DELETE', '/bills/x')).toBeUndefined();
    expect(table.match('GET', '/admin/merchants')).toBeUndefined();
  });
});
