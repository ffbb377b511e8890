// ESLint over the whole repository (`npm run lint`, part of `npm test`): typescript-eslint's
// type-checked rules, so that a floating or misused promise fails the build, and the layers of the
// house (README, "What each folder holds"), so that an import across them fails it too.
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'

/**
 * What each folder may import of the project besides itself. Core imports nothing of it, wire only core;
 * the lake, the Studio and the site never import each other; scripts and bench compose them.
 * tests/ and the root's config files may import anything.
 */
const layers = {
  core: [],
  // The wire speaks the API version the core names (core/apiVersion.ts), which the Studio needs too.
  wire: ['core'],
  schemas: ['core'],
  lake: ['core', 'schemas', 'wire'],
  studio: ['core', 'schemas'],
  site: ['core', 'schemas', 'wire'],
  // The seed is fixtures: content and how it becomes documents, never a running lake.
  seed: ['core', 'schemas', 'wire'],
  scripts: ['core', 'schemas', 'wire', 'lake', 'studio', 'site', 'seed'],
  // Benchmarks measure with the tests' harnesses (Chromium, the static server, search quality).
  bench: ['core', 'schemas', 'wire', 'lake', 'studio', 'site', 'seed', 'tests'],
}

// Imports are relative, so whether `../x/` leaves a folder depends on how deep the importing file
// sits: one block per depth, whose pattern matches exactly the imports that climb out of the folder
// to anything but an allowed one.
const deepestFolder = 8

function layerBoundaries(layer, allowed) {
  const message = allowed.length
    ? `${layer}/ imports only ${allowed.map((name) => `${name}/`).join(', ')} of the project (eslint.config.js, README "What each folder holds"): move what two layers share into wire/ and what composes them into scripts/.`
    : `${layer}/ imports nothing of the project (eslint.config.js, README "What each folder holds").`
  const unlessAllowed = allowed.length ? `(?!(?:${allowed.join('|')})/)` : ''
  return Array.from({ length: deepestFolder }, (_, index) => ({
    files: [`${layer}/${'*/'.repeat(index)}*.{ts,tsx}`],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: `^(?:\\.\\./){${index + 1}}${unlessAllowed}`, message }] },
      ],
    },
  }))
}

export default defineConfig(
  globalIgnores([
    'dist/**',
    'node_modules/**',
    '**/.astro/**',
    'site/node_modules/**',
    'tests/fixtures/**',
    '.lake-data/**',
    '.sanity/**',
    'bench-results/**',
    'coverage/**',
    '.scratch/**',
    '.dev/**',
  ]),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The root's config files sit outside tsconfig.json's folders; they get its options.
        projectService: { allowDefaultProject: ['*.ts'], defaultProject: 'tsconfig.json' },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `_` marks what is left out on purpose: `const { _rev: _dropped, ...rest } = document`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // An async function that awaits nothing still turns a throw into a rejection, which is what a
      // caller that expects a promise handles (the lake's CLI commands, the key prompts).
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON answers untyped and check their shape with expect(), which fails on any other
    // shape; the unsafe-any rules would ask each of them for a schema first.
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  Object.entries(layers).flatMap(([layer, allowed]) => layerBoundaries(layer, allowed)),
)
