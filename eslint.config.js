import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'web/dist/',
      'dist/',
      'coverage/',
      'data/',
      'bench/tmp/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Plain-node scripts, type checked by tsc (// @ts-check), which knows Node's globals.
    files: ['scripts/**/*.mjs'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Reads, writes and their cache work live in web/src/resources/<resource>.ts, next to
    // nothing else: a page or component calls the resource's hook and keeps only its UI.
    files: ['web/src/pages/**/*.{ts,tsx}', 'web/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tanstack/react-query',
              importNames: ['useMutation', 'useQueryClient', 'useQuery', 'useInfiniteQuery'],
              message: 'Use (or add) a hook in web/src/resources/<resource>.ts.',
            },
            {
              name: '../api',
              importNames: ['api', 'unwrap'],
              message: 'Requests go through web/src/resources/<resource>.ts.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[property.name=/^(invalidateQueries|setQueryData|setQueriesData|removeQueries|cancelQueries|refetchQueries|resetQueries)$/]',
          message: 'Cache updates belong to the write hook in web/src/resources/<resource>.ts.',
        },
      ],
    },
  },
  {
    // No component past 300 lines, no function past 150: a big one splits along its seams.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },
);
