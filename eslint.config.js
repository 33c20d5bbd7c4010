import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'module', 'net',
  'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib',
];
const noNodeOrElectron = {
  patterns: [
    { group: ['node:*'], message: 'The renderer and shared code run without Node: go through the host API.' },
    { group: ['electron', 'electron/*'], message: 'Only main/ may import electron.' },
  ],
  paths: nodeBuiltins.map((name) => ({ name, message: 'No Node built-ins outside main/, scripts/ and tests.' })),
};
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'HTMLElement'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='sendSync']", message: 'Use invoke/handle, never sendSync.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', noNodeOrElectron],
    },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}', 'renderer/src/db/testing.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', noNodeOrElectron],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'shared/ runs in main too: no DOM.' }))],
    },
  },
  {
    files: ['main/**/*.ts', 'scripts/**/*.{js,mjs}', 'e2e/**/*.ts', 'test/**/*.ts', '*.config.{ts,js}', 'bench/**/*.{ts,mjs}'],
    languageOptions: { globals: globals.node },
  },
);
