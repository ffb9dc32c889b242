#!/usr/bin/env node
// Creates a library or app laid out and tagged as ../shared/STYLE.md shows, and registers its import alias.
// Usage: node tools/generators/new-project.mjs lib <context> <name> <type>
//        node tools/generators/new-project.mjs app <context> <app-name>
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [kind, context, name, type] = process.argv.slice(2);
const types = ['feature', 'data-access', 'domain', 'contracts', 'util'];
if (kind === 'lib' && (!context || !name || !types.includes(type))) {
  console.error(`usage: new-project.mjs lib <context> <name> <${types.join('|')}>`);
  process.exit(2);
}
if (kind === 'app' && (!context || !name)) {
  console.error('usage: new-project.mjs app <context> <app-name>');
  process.exit(2);
}

const root = kind === 'app' ? join('apps', name) : join('libs', context, name);
const projectName = kind === 'app' ? name : `${context}-${name}`;
if (existsSync(join(root, 'project.json'))) {
  console.error(`${root} exists already`);
  process.exit(1);
}
mkdirSync(join(root, 'src'), { recursive: true });
writeFileSync(
  join(root, 'project.json'),
  JSON.stringify(
    {
      name: projectName,
      $schema: '../../node_modules/nx/schemas/project-schema.json',
      sourceRoot: `${root}/src`,
      projectType: kind === 'app' ? 'application' : 'library',
      tags: [`scope:${context}`, `type:${kind === 'app' ? 'app' : type}`],
    },
    null,
    2,
  ) + '\n',
);
if (kind === 'lib') {
  if (!existsSync(join(root, 'src/index.ts'))) writeFileSync(join(root, 'src/index.ts'), '');
  const tsconfigPath = 'tsconfig.base.json';
  const tsconfig = JSON.parse(readFileSync(tsconfigPath, 'utf8'));
  const paths = { ...tsconfig.compilerOptions.paths, [`@kessai/${projectName}`]: [`${root}/src/index.ts`] };
  tsconfig.compilerOptions.paths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(tsconfigPath, JSON.stringify(tsconfig, null, 2) + '\n');
}
console.log(`created ${root} (${projectName})`);
