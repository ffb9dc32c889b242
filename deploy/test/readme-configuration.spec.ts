import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverServices } from '../../tools/build/service-build';
import { serviceConfigLoader } from './service-config-loader';

const ROOT = join(__dirname, '../..');

/** Every variable of a service's configuration class, read from the class itself (its defaults). */
const variablesOf = (service: string): string[] => Object.keys(serviceConfigLoader(service)({}));

describe("the README's configuration reference", () => {
  const documented = new Set(
    [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/^\| `([A-Z][A-Z0-9_]*)`/gm)].map((match) => match[1]),
  );

  it.each(discoverServices(ROOT))('has a table row for every variable %s reads', (service) => {
    expect(variablesOf(service).filter((name) => !documented.has(name))).toEqual([]);
  });
});
