import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    // The core is pure: no editor or LSP connection may leak into it.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The core is pure: no vscode import.' },
            { name: 'vscode-languageserver', message: 'The core is pure: use vscode-languageserver-types.' },
            { name: 'vscode-languageserver/node', message: 'The core is pure: use vscode-languageserver-types.' },
          ],
        },
      ],
    },
  },
);
