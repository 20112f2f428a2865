import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { importX, createNodeResolver } from 'eslint-plugin-import-x'

const noElectronOrDom = {
  paths: [
    {
      name: 'electron',
      message: 'Only src/main/index.ts, ipc.ts and the preload may use Electron.',
    },
  ],
  patterns: [
    { group: ['react', 'react-dom', '@mantine/*', '**/renderer/**'], message: 'No UI code here.' },
  ],
}

// The renderer reaches main only through api.ts (repeated in the feature blocks below, because a
// later block's no-restricted-imports replaces the earlier one's options instead of adding to them).
const rendererToMain = {
  group: ['**/main/**', 'electron', 'node:*'],
  message: 'The renderer talks to main only through api.ts.',
}

// Renderer features mirror main's domains. A domain's folder uses another domain only through
// that domain's index.ts, so what one domain offers the others stays visible in one file.
// Every folder under features/ is a domain: a new one is covered without being listed here.
const RENDERER_DOMAINS = readdirSync(new URL('./src/renderer/src/features/', import.meta.url), {
  withFileTypes: true,
})
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
const rendererDomainBlocks = RENDERER_DOMAINS.map((domain) => {
  const others = RENDERER_DOMAINS.filter((d) => d !== domain)
  return {
    files: [`src/renderer/src/features/${domain}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            rendererToMain,
            {
              regex: `^(\\.\\./)+(${others.join('|')})/.`,
              message: `Import another domain through its index (e.g. '../../backup'), not its files.`,
            },
          ],
        },
      ],
    },
  }
})

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/explicit-module-boundary-types': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [
      'src/main/**/*.ts',
      'src/preload/**/*.ts',
      'scripts/**/*.ts',
      'tests/**/*.ts',
      '*.config.ts',
      '*.config.js',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [rendererToMain],
        },
      ],
    },
  },
  ...rendererDomainBlocks,
  // No module may import itself back through others (value imports; `import type` is free):
  // a cycle means a read helper lives in the wrong file or a layer reaches upwards.
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // Import purity (DESIGN.md): shared code, the database layer and the services run under plain
  // Node in tests and the browser bridge, so they never import Electron or DOM code.
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectronOrDom,
          patterns: [
            ...noElectronOrDom.patterns,
            { group: ['node:*', '**/main/**'], message: 'src/shared runs in both processes.' },
          ],
        },
      ],
    },
  },
  // Layers of main, checked here: shared <- db <- domains <- router <- ipc / the browser bridge.
  // The vault (key slots, backups, files) sits beside db and never imports a domain; a domain
  // never imports the router or the transports, not even a type.
  {
    files: [
      'src/main/db/**/*.ts',
      'src/main/vault/**/*.ts',
      'src/main/crypto/**/*.ts',
      'src/main/pdf/**/*.ts',
      'src/main/context.ts',
      'src/main/clock.ts',
    ],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...noElectronOrDom,
          patterns: [
            ...noElectronOrDom.patterns,
            {
              regex: '(^|/)(domains|router|ipc|index)(/|$)',
              message: 'Lower layers (db, vault, crypto, pdf, context) never import a domain.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/domains/**/*.ts', 'src/main/router.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectronOrDom,
          patterns: [
            ...noElectronOrDom.patterns,
            {
              regex: '(^|/)(router|ipc|index)$',
              message: 'A domain never imports the router or a transport.',
            },
          ],
        },
      ],
    },
  },
  // A domain's queries.ts is what other files and domains may import: it depends only on the
  // database schema (and the settings reader and the area filter beside it), the context, the
  // clock and src/shared,
  // so importing it never closes a circle.
  // A domain may split its reads into `<name>-queries.ts` files under the same rule; they may
  // import each other and the domain's queries.ts.
  {
    files: ['src/main/domains/*/queries.ts', 'src/main/domains/*/*-queries.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectronOrDom,
          patterns: [
            ...noElectronOrDom.patterns,
            {
              regex:
                '^\\.(\\.)?/(?!\\.\\./(context|clock|db/schema|db/settings|db/areas)$|\\.\\./\\.\\./shared/|([a-z-]+-)?queries$)',
              message:
                'queries.ts imports only db/schema, db/settings, db/areas, context, clock and src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/db/migrations/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', '../../*'],
              message: 'Migrations are frozen in time: no app imports.',
            },
          ],
        },
      ],
    },
  },
)
