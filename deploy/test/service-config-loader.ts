import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** A service's own config loader (`load<Service>Config(env)`), which validates like the service at start-up. */
export function serviceConfigLoader(service: string): (env: Record<string, string>) => object {
  const module = require(join(ROOT, 'apps', service, 'src/config', `${service}.config.ts`)) as Record<string, unknown>;
  const loader = Object.entries(module).find(([name, value]) => /^load\w+Config$/.test(name) && typeof value === 'function');
  if (!loader) throw new Error(`apps/${service}/src/config/${service}.config.ts exports no load…Config function`);
  return loader[1] as (env: Record<string, string>) => object;
}
