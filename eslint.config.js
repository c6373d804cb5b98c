import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Which layer may import which (ARCHITECTURE.md, "Layers"); tests/unit/layers.test.ts checks the
// same table on the import graph, including imports that this pattern list cannot see.
const nodeModules = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'url'];
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: forbid([...nodeModules, 'electron', 'knex', 'sqlite3', 'react', 'react-dom', '**/db/**', '**/services/**', '**/electron/**', '**/renderer/**'], 'core/ is pure: no Node, Electron, React or outer layer.'),
  },
  {
    files: ['db/**/*.ts'],
    rules: forbid(['electron', 'react', '**/services/**', '**/electron/**', '**/renderer/**'], 'db/ may import core/ only.'),
  },
  {
    files: ['services/**/*.ts'],
    rules: forbid(['electron', 'react', '**/electron/**', '**/renderer/**'], 'services/ runs without Electron and without the UI.'),
  },
  {
    files: ['electron/**/*.ts'],
    rules: forbid(['react', '**/renderer/**'], 'electron/ never imports the renderer.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([...nodeModules, 'electron', 'knex', 'sqlite3', '**/db/**', '**/services/**', '**/electron/**'], 'renderer/ reaches the application only through the contract client (core/).'),
    },
  },
);
