// Flat config: typescript-eslint recommended + prettier; shared/ must stay free of host packages
// (architecture.md §2), so they are banned there by no-restricted-imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'test/fixtures/**',
      '**/*.mjs',
      'bin/**',
      'scripts/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@azure/functions',
              message: 'shared/ is host-free: only functions/ may import the Functions SDK.',
            },
            {
              name: 'durable-functions',
              message:
                'shared/ is host-free: only orchestrators/ and functions/ may import durable-functions.',
            },
          ],
        },
      ],
    },
  },
);
