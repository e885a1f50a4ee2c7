// ESLint's set-up for the whole repository (`npm run lint`, part of `npm test`): the rules that catch
// faults — eslint's and typescript-eslint's recommended sets, React's rules of hooks and a few more —
// and none that only restyle code (layout is prettier's: `npm run format`). Rules that need type
// information (no-floating-promises …) are left out: on this repository they take minutes, not seconds.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '**/*.generated.ts'],
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The compiler reports these already (noUnusedLocals, noUnusedParameters, undefined names).
      '@typescript-eslint/no-unused-vars': 'off',
      'no-undef': 'off',
      // A choice of style, not a fault: JSON from files and tests' loose fixtures are typed `any` on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-regex-spaces': 'off',
      // Documents are Chinese: the ideographic space (U+3000) is real text in their strings and templates.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // Faults the recommended sets leave out.
      'no-template-curly-in-string': 'error',
      'no-self-compare': 'error',
      'no-unreachable-loop': 'error',
      'no-constructor-return': 'error',
      'array-callback-return': ['error', { allowImplicit: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['admin-ui/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
