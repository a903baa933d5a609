import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The module boundaries (docs/ARCHITECTURE.md): the kernel imports no module; a module reaches
 * another only through its front door, `index.ts` (use cases, guards, types) or `schema.ts` (its
 * tables, for foreign keys and read-only joins); shared code imports neither.
 */
const kernelImportsNoModule = {
  from: { element: { type: 'kernel' } },
  disallow: { to: { element: { types: { anyOf: ['module', 'demo'] } } } },
  message: 'Le noyau n’importe aucun module : injectez ce dont il a besoin (src/app.ts).',
};
const sharedImportsShared = {
  from: { element: { type: 'shared' } },
  disallow: { to: { element: { types: { anyOf: ['module', 'kernel', 'db', 'demo'] } } } },
  message: 'Le code partagé (serveur et navigateur) n’importe que du code partagé.',
};
const modulesMeetAtTheFrontDoor = {
  from: { element: { types: { anyOf: ['module', 'demo', 'db', 'shared'] } } },
  disallow: {
    to: {
      element: {
        type: 'module',
        captured: { name: '!{{from.captured.name}}' },
        internalPath: '!(index|schema).ts',
      },
    },
  },
  message: 'Passez par la porte d’entrée du module : index.ts (ou schema.ts pour ses tables).',
};
const boundariesRule = (...policies) => ({
  'boundaries/dependencies': ['error', { default: 'allow', policies }],
});

const architecture = {
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts'] } },
    'boundaries/elements': [
      { type: 'kernel', pattern: 'src/kernel' },
      { type: 'module', pattern: 'src/modules/*', capture: ['name'] },
      { type: 'shared', pattern: 'src/shared' },
      { type: 'db', pattern: 'src/db' },
      { type: 'demo', pattern: 'src/demo' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'web/dist', 'data', 'drizzle', 'web/postcss.config.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    ...architecture,
    files: ['src/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: boundariesRule(kernelImportsNoModule, sharedImportsShared, modulesMeetAtTheFrontDoor),
  },
  // Tests of shared calculators run them on the parameter data the modules ship.
  { ...architecture, files: ['src/shared/**/*.test.ts'], rules: boundariesRule(modulesMeetAtTheFrontDoor) },
  {
    files: ['web/src/**/*.tsx', 'web/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } } },
);
