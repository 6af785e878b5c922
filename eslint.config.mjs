// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'util',
  'worker_threads',
];

/** Layer rules of STYLE.md: a wrong-layer import fails the lint. */
const layers = [
  {
    files: ['renderer/**/*.{ts,tsx}'],
    message:
      'The renderer runs sandboxed: no Node, Electron, AWS SDK or electron/ imports; call the core through lib/lake-client.',
    patterns: [...nodeBuiltins, 'electron', '@aws-sdk/*', '@duckdb/*', '**/electron/**'],
  },
  {
    files: ['shared/**/*.ts'],
    message: 'shared/ is imported by both sides: it may import only zod and itself.',
    regex: '^(?!zod$|\\.{1,2}/|@shared/)',
  },
  {
    files: ['electron/preload/**/*.ts'],
    message: 'A sandboxed preload can load almost nothing: only electron and types from shared/.',
    regex: '^(?!electron$|\\.\\./\\.\\./shared/)',
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/server/**/*.ts'],
    message: 'The core, CLI and server run in plain Node: never import electron.',
    patterns: ['electron', '**/electron/main/**', '**/main/*'],
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Only electron/main/security.ts may hand URLs to the OS (https only).
      'no-restricted-properties': [
        'error',
        {
          object: 'shell',
          property: 'openExternal',
          message: 'Use safeOpenExternal from electron/main/security.ts.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...layers.map(({ files, message, patterns, regex }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [patterns ? { group: patterns, message } : { regex, message }] },
      ],
    },
  })),
  {
    // Only the AWS provider files talk to the SDK, so the rest stays testable without AWS.
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/**/aws-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '**/electron/main/**'],
              message: 'The core runs in plain Node: never import electron.',
            },
            { group: ['@aws-sdk/*'], message: 'Only electron/core/**/aws-*.ts may import the AWS SDK.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/main/security.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
