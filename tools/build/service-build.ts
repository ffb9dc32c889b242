import { transformFileSync, type Options } from '@swc/core';
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * The production build of one service: its TypeScript and every workspace file it reaches, compiled by SWC
 * (decorator metadata, as NestJS and class-validator need) into `dist/apps/<service>` with the workspace's layout
 * kept (so `__dirname`-relative assets and the services' default relative paths hold), tsconfig aliases rewritten
 * to relative requires, the non-TypeScript files of every project it reaches (Eta views, model JSON, ...), and a
 * `node_modules` holding only the production packages it requires and their own dependencies.
 */
export interface ServiceBuild {
  service: string;
  outDir: string;
  /** Workspace-relative paths of the compiled sources. */
  sources: string[];
  /** Workspace-relative paths of the copied assets. */
  assets: string[];
  /** Packages the compiled code requires, with the versions pinned in package.json. */
  dependencies: Record<string, string>;
  /** Workspace-relative paths of the installed packages copied into the build's node_modules. */
  packages: string[];
}

export class BuildError extends Error {}

/** Files of a project that are not runtime assets. */
const NOT_ASSETS = [/\.ts$/, /\.md$/, /^project\.json$/, /^tsconfig.*\.json$/, /^jest\.config\./, /^eslint\.config\./, /^\.eslintrc/];
const NOT_ASSET_DIRECTORIES = new Set(['test', 'node_modules', 'dist', 'coverage']);
const BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

export function discoverServices(root: string): string[] {
  return readdirSync(join(root, 'apps'))
    .filter((name) => existsSync(join(root, 'apps', name, 'src/main.ts')))
    .sort();
}

export function buildService(root: string, service: string, outRoot = join(root, 'dist/apps')): ServiceBuild {
  const entry = `apps/${service}/src/main.ts`;
  if (!existsSync(join(root, entry))) throw new BuildError(`${service}: ${entry} does not exist`);
  const outDir = join(outRoot, service);
  rmSync(outDir, { recursive: true, force: true });

  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const swcOptions = compilerOptions(root);
  const sources = new Set<string>();
  const requiredPackages = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const source = queue.pop() as string;
    if (sources.has(source)) continue;
    sources.add(source);
    const { code, map } = transformFileSync(join(root, source), { ...swcOptions, filename: join(root, source), sourceFileName: relative(join(outDir, dirname(source)), join(root, source)) });
    const target = join(outDir, source.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split(sep).pop()}.map\n`);
    if (map) writeFileSync(`${target}.map`, map);
    for (const specifier of requiredSpecifiers(code)) {
      if (specifier.startsWith('.')) {
        const resolved = resolveSource(root, dirname(source), specifier);
        if (!resolved) throw new BuildError(`${source}: cannot resolve ${specifier}`);
        if (resolved.endsWith('.ts')) queue.push(resolved);
        else copyInto(join(root, resolved), join(outDir, resolved));
      } else if (!BUILTINS.has(specifier)) {
        requiredPackages.set(packageName(specifier), source);
      }
    }
  }

  const dependencies: Record<string, string> = {};
  for (const [name, requiredBy] of [...requiredPackages].sort(([a], [b]) => a.localeCompare(b))) {
    const version = manifest.dependencies?.[name];
    if (!version) {
      const where = manifest.devDependencies?.[name] ? 'a devDependency' : 'not in package.json';
      throw new BuildError(`${service}: ${requiredBy} requires ${name} at run time, but it is ${where}; add it to "dependencies"`);
    }
    dependencies[name] = version;
  }

  const assets = copyProjectAssets(root, outDir, [...sources]);
  const packages = copyPackageClosure(root, outDir, Object.keys(dependencies));
  writeFileSync(
    join(outDir, 'package.json'),
    JSON.stringify({ name: `@kessai/${service}`, private: true, main: entry.replace(/\.ts$/, '.js'), dependencies }, null, 2) + '\n',
  );
  writeFileSync(join(outDir, 'main.js'), `'use strict';\n// The service's entry point, one name for every image: node main.js\nrequire('./${entry.replace(/\.ts$/, '.js')}');\n`);
  writeFileSync(join(outDir, 'healthcheck.js'), HEALTHCHECK);
  return { service, outDir, sources: [...sources].sort(), assets, dependencies, packages };
}

function compilerOptions(root: string): Options {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  return {
    swcrc: false,
    configFile: false,
    sourceMaps: true,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: tsconfig.compilerOptions.paths,
    },
    module: { type: 'commonjs' },
  };
}

/** Module specifiers of the `require("...")` calls SWC's CommonJS output makes (imports and dynamic imports). */
export function requiredSpecifiers(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*"([^"]+)"\s*\)/g)].map((match) => match[1]);
}

export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function resolveSource(root: string, fromDirectory: string, specifier: string): string | undefined {
  const base = join(fromDirectory, specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    const absolute = join(root, candidate);
    if (existsSync(absolute) && statSync(absolute).isFile()) return candidate;
  }
  return undefined;
}

function projectRootOf(root: string, file: string): string | undefined {
  for (let directory = dirname(file); directory !== '.' && directory !== ''; directory = dirname(directory)) {
    if (existsSync(join(root, directory, 'project.json'))) return directory;
  }
  return undefined;
}

function copyProjectAssets(root: string, outDir: string, sources: string[]): string[] {
  const projects = new Set(sources.map((source) => projectRootOf(root, source)).filter((project): project is string => !!project));
  const assets: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(join(root, directory), { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!NOT_ASSET_DIRECTORIES.has(entry.name)) walk(path);
      } else if (entry.isFile() && !NOT_ASSETS.some((pattern) => pattern.test(entry.name))) {
        copyInto(join(root, path), join(outDir, path));
        assets.push(path);
      }
    }
  };
  for (const project of projects) walk(project);
  return assets.sort();
}

/**
 * Copies (hard-links) the installed packages the build needs: the ones it requires and, recursively, their
 * dependencies, optional dependencies and installed peers, each found as Node.js would find it from the package
 * that needs it. The layout of node_modules (nested copies included) is kept, so resolution stays the same.
 */
function copyPackageClosure(root: string, outDir: string, names: string[]): string[] {
  const copied = new Set<string>();
  const visit = (name: string, fromDirectory: string, optional: boolean) => {
    const found = findInstalled(root, fromDirectory, name);
    if (!found) {
      if (optional) return;
      throw new BuildError(`package ${name} (needed from ${fromDirectory || 'the service'}) is not installed: run npm install`);
    }
    if (copied.has(found)) return;
    copied.add(found);
    linkTree(join(root, found), join(outDir, found));
    const manifest = JSON.parse(readFileSync(join(root, found, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, found, false);
    for (const dependency of Object.keys(manifest.optionalDependencies ?? {})) visit(dependency, found, true);
    for (const dependency of Object.keys(manifest.peerDependencies ?? {})) visit(dependency, found, true);
  };
  for (const name of names) visit(name, '', false);
  return [...copied].sort();
}

function findInstalled(root: string, fromDirectory: string, name: string): string | undefined {
  for (let directory = fromDirectory; ; directory = dirname(directory)) {
    const candidate = join(directory === '.' ? '' : directory, 'node_modules', name);
    if (existsSync(join(root, candidate, 'package.json'))) return candidate;
    if (directory === '' || directory === '.') return undefined;
  }
}

/** Hard links a package's files (not its nested node_modules, which are visited as packages of their own). */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') linkTree(source, target);
    } else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

function copyInto(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/** The container health check: `node healthcheck.js [/health/live|/health/ready]`, exit 0 when the service answers 200. */
const HEALTHCHECK = `'use strict';
// Container health check (distroless images have no curl): exit 0 when the service answers 200 within 3 s.
const path = process.argv[2] || '/health/live';
fetch('http://127.0.0.1:' + (process.env.PORT || '8080') + path, { signal: AbortSignal.timeout(3000) })
  .then((response) => process.exit(response.status === 200 ? 0 : 1))
  .catch(() => process.exit(1));
`;
