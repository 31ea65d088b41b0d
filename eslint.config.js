// Lint keeps each layer's imports honest: the folder a file lives in says where it runs,
// and these rules fail the build when a file reaches into a layer it must not.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const forbid = (names, patterns, message) => ['error', { paths: names.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] }];

const electronOnlyInShell = 'Only electron/main.ts, electron/preload.ts and electron/ipc.ts may import Electron.';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['electron', ...nodeBuiltins, 'react', 'react-dom', 'maplibre-gl', 'kafkajs', 'better-sqlite3-multiple-ciphers', 'ws'],
        ['**/electron/**', '**/renderer/**', 'node:*'],
        'shared/ holds only the contract and pure domain code: no Electron, Node, DOM or host imports.',
      ),
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-console': 'error',
      'no-restricted-imports': forbid(
        ['electron', 'react', 'react-dom', 'maplibre-gl'],
        ['**/renderer/**', '**/web/**', '**/hosting/**', '**/shell/**', '../ipc', '../main', '../preload'],
        'electron/core/ is plain Node: it never imports Electron, the renderer or a host.',
      ),
    },
  },
  {
    files: ['electron/web/**/*.ts', 'electron/hosting/**/*.ts', 'electron/shell/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': forbid(['electron'], ['**/renderer/**'], electronOnlyInShell) },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': ['error', { allow: ['warn'] }],
      'no-restricted-imports': forbid(
        ['electron', ...nodeBuiltins, 'kafkajs', 'better-sqlite3-multiple-ciphers', 'ws'],
        ['**/electron/**', 'node:*'],
        'renderer/ talks to the core only through a Transport: no Electron, Node or core imports.',
      ),
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
