import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** The one core module allowed to touch the file system (test/unit/architecture.test.ts names it too). */
const CORE_FILE_SYSTEM_MODULE = 'server/src/core/schema/load-schemas.ts';
const CORE_BANNED_PATHS = [
  { name: 'vscode', message: 'The core is pure: no vscode import.' },
  { name: 'vscode-languageserver', message: 'The core is pure: use vscode-languageserver-types.' },
  { name: 'vscode-languageserver/node', message: 'The core is pure: use vscode-languageserver-types.' },
];
const CORE_BANNED_PATTERNS = [
  {
    regex: '^\\.\\.?/(?:.*/)?(?:lsp|client|cli|server|protocol|config-lookup)(?:/|\\.ts|$)',
    message: 'The core is pure: it must not import the LSP layer, the client, the CLI or the server entry.',
  },
];
const NODE_BUILTIN_PATTERN = {
  regex: `^(?:node:.*|(?:${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(?:/.*)?)$`,
  message: 'The core is pure: only server/src/core/schema/load-schemas.ts may use Node built-ins (text in, results out).',
};

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', '.cache/**', 'schemas/**', 'test/fixtures/**', '**/*.vsix'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', 'test/**/*.{js,mjs,cjs}', '*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['client/src/webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The core is pure: no editor, LSP connection, CLI or Node built-in may leak into it. Schema loading is the one
    // module that reads files (it gets the built-in ban lifted below).
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: CORE_BANNED_PATHS, patterns: [...CORE_BANNED_PATTERNS, NODE_BUILTIN_PATTERN] }],
    },
  },
  {
    files: [CORE_FILE_SYSTEM_MODULE],
    rules: {
      'no-restricted-imports': ['error', { paths: CORE_BANNED_PATHS, patterns: CORE_BANNED_PATTERNS }],
    },
  },
);
