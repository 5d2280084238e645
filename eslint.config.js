import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]",
          message: 'A focused test silently skips the rest of the suite.',
        },
      ],
    },
  },
  // Rules that need the types (floating and misused promises, unsafe any):
  // the TypeScript of src, test, bench and the web app, each file with its own tsconfig.
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Fastify plugins and hooks are async by contract (a promise instead of done()),
      // and Kysely's MigrationProvider must return one: all 20 findings were of that kind.
      '@typescript-eslint/require-await': 'off',
      // All 9 findings were String() of untyped spreadsheet or JSON cell values after the
      // null checks, where objects are handled before (cellText) or are invalid input anyway.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  // The web tests compile with the web app's tsconfig (it includes ../test/web).
  {
    files: ['test/web/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: ['./web/tsconfig.json'], tsconfigRootDir: import.meta.dirname } },
  },
  // Tests read answers with res.json(), which is `any`: the no-unsafe-* rules found
  // 751 member accesses, assignments, calls, arguments and returns on it in 32 test
  // files (test/web not counted) and none that was a defect. Typing every answer in tests is not worth it; the
  // application code keeps the rules.
  {
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
