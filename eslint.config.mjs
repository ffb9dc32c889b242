import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const contexts = ['billing', 'payment', 'recurring', 'screening', 'throttle', 'processor'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/tmp/**', '**/coverage/**', '**/*.mjs', '**/*.js'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // A context reaches another context only through that context's contracts.
            ...contexts.map((context) => ({
              sourceTag: `scope:${context}`,
              onlyDependOnLibsWithTags: [`scope:${context}`, 'scope:shared', 'type:contracts'],
            })),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared', 'type:contracts'] },
            // The domain is plain TypeScript: no framework, no database, no broker.
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'ioredis'],
            },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs'],
            },
            // Infrastructure as code describes the services from outside: it imports none of their code.
            { sourceTag: 'scope:deploy', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:contracts', 'type:util'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' }],
    },
  },
  {
    // Product code handles money as integer minor units; tools may format figures (benchmarks) with decimals.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='parseFloat']", message: 'Money is integer minor units: no floats.' },
        { selector: "CallExpression[callee.property.name='toFixed']", message: 'Money is integer minor units: no floats.' },
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  {
    // kafkajs is unmaintained: it is used only inside the messaging library, so swapping it is a change in one place.
    files: ['**/*.ts'],
    ignores: ['libs/shared/messaging/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'Use @kessai/shared-messaging: kafkajs stays inside it.' }] }],
    },
  },
  {
    // Configuration comes from environment variables read in one place per service.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/config/**', '**/*.spec.ts', '**/test/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in apps/<service>/src/config only.' }],
    },
  },
);
