// Lint rules: typescript-eslint's recommended set, plus the rule that keeps src/core pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/vscode/server/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode'], message: 'src/core is pure: no vscode API.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url', 'util', 'crypto', 'stream', 'http', 'https', 'net', 'worker_threads', 'process'], message: 'src/core is pure: no Node built-ins or I/O.' },
            { group: ['../cli/*', '../extension/*'], message: 'src/core must not depend on its adapters.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure: no process.' }, { name: 'require', message: 'src/core is pure.' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests assert on terminal escapes (colour off when piped), which needs control characters.
    files: ['test/**'],
    rules: { 'no-control-regex': 'off' },
  },
);
