import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BuildError, buildService, discoverServices, packageName, requiredSpecifiers } from './service-build';

/** A small workspace: one app, one lib reached by alias, one lib nobody imports, installed packages. */
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'service-build-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const BASE = {
  'tsconfig.base.json': JSON.stringify({ compilerOptions: { paths: { '@acme/pages': ['libs/pages/src/index.ts'], '@acme/unused': ['libs/unused/src/index.ts'] } } }),
  'package.json': JSON.stringify({ dependencies: { lodash: '4.0.0' }, devDependencies: { jestish: '1.0.0' } }),
  'node_modules/lodash/package.json': JSON.stringify({ name: 'lodash', dependencies: { tiny: '1.0.0' }, peerDependencies: { absent: '1' } }),
  'node_modules/lodash/index.js': 'module.exports = {};',
  'node_modules/lodash/node_modules/tiny/package.json': JSON.stringify({ name: 'tiny' }),
  'node_modules/tiny/package.json': JSON.stringify({ name: 'tiny', version: 'hoisted-but-not-the-one-lodash-gets' }),
  'node_modules/jestish/package.json': JSON.stringify({ name: 'jestish' }),
  'apps/shop/project.json': '{}',
  'apps/shop/model/weights.json': '{"w":1}',
  'apps/shop/README.md': 'not shipped',
  'apps/shop/test/integration/shop.integration-spec.ts': 'not shipped',
  'libs/pages/project.json': '{}',
  'libs/pages/src/index.ts': "export * from './lib/renderer';",
  'libs/pages/src/lib/renderer.ts': "import { join } from 'node:path';\nexport const views = join(__dirname, 'views');",
  'libs/pages/src/lib/views/page.eta': '<p><%= it.name %></p>',
  'libs/unused/project.json': '{}',
  'libs/unused/src/index.ts': 'export const unused = 1;',
  'libs/unused/src/lib/asset.txt': 'not reached',
};

describe('the production build of a service', () => {
  const roots: string[] = [];
  const make = (files: Record<string, string>) => {
    const root = workspace({ ...BASE, ...files });
    roots.push(root);
    return root;
  };
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('compiles what the service reaches, rewrites aliases and copies the assets of the projects it reaches', () => {
    const root = make({ 'apps/shop/src/main.ts': "import 'lodash';\nimport { views } from '@acme/pages';\nconsole.log(views);" });
    const build = buildService(root, 'shop');
    expect(build.sources).toEqual(['apps/shop/src/main.ts', 'libs/pages/src/index.ts', 'libs/pages/src/lib/renderer.ts']);
    expect(build.assets).toEqual(['apps/shop/model/weights.json', 'libs/pages/src/lib/views/page.eta']);
    const main = readFileSync(join(build.outDir, 'apps/shop/src/main.js'), 'utf8');
    expect(main).toContain('require("../../../libs/pages/src")');
    expect(existsSync(join(build.outDir, 'libs/unused'))).toBe(false);
    expect(JSON.parse(readFileSync(join(build.outDir, 'package.json'), 'utf8'))).toMatchObject({ dependencies: { lodash: '4.0.0' } });
  });

  it('ships production packages with their own nested dependencies and no dev packages', () => {
    const root = make({ 'apps/shop/src/main.ts': "import 'lodash';" });
    const build = buildService(root, 'shop');
    expect(build.packages).toEqual(['node_modules/lodash', 'node_modules/lodash/node_modules/tiny']);
    expect(existsSync(join(build.outDir, 'node_modules/jestish'))).toBe(false);
  });

  it('refuses a service that requires a devDependency at run time, naming the file and the package', () => {
    const root = make({ 'apps/shop/src/main.ts': "import 'jestish';" });
    expect(() => buildService(root, 'shop')).toThrow(
      new BuildError('shop: apps/shop/src/main.ts requires jestish at run time, but it is a devDependency; add it to "dependencies"'),
    );
  });

  it('refuses an import it cannot resolve', () => {
    const root = make({ 'apps/shop/src/main.ts': "import './missing';" });
    expect(() => buildService(root, 'shop')).toThrow('apps/shop/src/main.ts: cannot resolve ./missing');
  });

  it('finds every app with a main.ts', () => {
    const root = make({ 'apps/shop/src/main.ts': '', 'apps/notes/README.md': '' });
    expect(discoverServices(root)).toEqual(['shop']);
  });

  it('reads package names and required specifiers from compiled code', () => {
    expect(requiredSpecifiers('const a = require("@nestjs/core/x"); require("./b"); x.require ("c")')).toEqual(['@nestjs/core/x', './b']);
    expect(packageName('@nestjs/core/injector')).toBe('@nestjs/core');
    expect(packageName('typeorm/driver/postgres')).toBe('typeorm');
  });
});
