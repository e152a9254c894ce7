/**
 * `npm run lint`. Syntax-only (no type information) so it stays fast: tsc already type-checks every file.
 * The layer table below is the architecture of README "Layout", enforced; test/unit/lint plants violations.
 */
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import starsite from './scripts/lint/layerImports.js'

const DOORS = ['src-main/electron/**', 'src-main/server/**', 'src-main/cli/**']
const ABOVE_SERVICES = ['src-main/api/**', ...DOORS]
/** Packages that only run in Node (or do I/O). src-main itself imports the contract by path, never as `@contract`. */
const NODE_ONLY = ['node:*', 'electron', 'better-sqlite3', 'exceljs', 'docx', 'yauzl', 'yazl']
/** The contract modules: imported by the renderer, so zod and pure vocabulary only. */
const CONTRACT_FILES = [
  'src-main/api/contract.ts',
  'src-main/api/define.ts',
  'src-main/api/bridge.ts',
  'src-main/api/mergeFeatures.ts',
  'src-main/api/vocabulary.ts',
  'src-main/api/*/contract.ts',
  // The office's contract, one file per area, and the schemas and vocabulary they share.
  'src-main/api/office/*/contract.ts',
  'src-main/api/office/schemas.ts',
  'src-main/api/office/vocabulary.ts',
]

/** Each layer's imports. A later entry replaces an earlier one for the files both match (contract inside api). */
const LAYERS = [
  {
    layer: 'src-main/core',
    files: ['src-main/core/**'],
    why: 'core is pure (no I/O) and sits below every other layer',
    // The campaign presets are JSON bundled at build time, not read from disk.
    allowPaths: ['src-main/core/**', 'resources/campaigns/**'],
    denyPackages: [...NODE_ONLY, '@contract'],
  },
  {
    layer: 'src-main/db',
    files: ['src-main/db/**'],
    why: 'db builds on core only, with SQLite and Node built-ins',
    allowPaths: ['src-main/db/**', 'src-main/core/**'],
    allowPackages: ['node:*', 'better-sqlite3'],
  },
  {
    layer: 'src-main/services',
    files: ['src-main/services/**'],
    why: 'services are called by api and the doors, never the other way',
    denyPaths: [...ABOVE_SERVICES, 'src-renderer/**'],
    denyPackages: ['electron', '@contract'],
  },
  {
    layer: 'src-main/api',
    files: ['src-main/api/**'],
    why: 'api is called by the doors (electron, server, cli), never the other way',
    denyPaths: [...DOORS, 'src-renderer/**'],
    denyPackages: ['electron', '@contract'],
  },
  {
    layer: 'the contract',
    files: CONTRACT_FILES,
    why: 'the renderer imports the contract, so it holds zod schemas and core vocabulary only',
    allowPaths: ['src-main/core/**', ...CONTRACT_FILES.map((f) => f.replace(/\.ts$/, ''))],
    allowPackages: ['zod'],
  },
  {
    layer: 'src-main/server',
    files: ['src-main/server/**'],
    why: "only src-main/electron imports 'electron'; the doors do not import one another",
    denyPaths: ['src-main/electron/**', 'src-main/cli/**', 'src-renderer/**'],
    denyPackages: ['electron', '@contract'],
  },
  {
    layer: 'src-main/cli',
    files: ['src-main/cli/**'],
    why: "only src-main/electron imports 'electron'; the CLI may start the server but not the desktop shell",
    denyPaths: ['src-main/electron/**', 'src-renderer/**'],
    denyPackages: ['electron', '@contract'],
  },
  {
    layer: 'src-main/electron',
    files: ['src-main/electron/**'],
    why: 'the desktop shell does not reach into the CLI or the renderer source',
    denyPaths: ['src-main/cli/**', 'src-renderer/**'],
    denyPackages: ['@contract'],
  },
  {
    layer: 'src-renderer',
    files: ['src-renderer/**'],
    why: "the renderer sees src-main only through '@contract' and runs no Node code",
    allowPaths: ['src-renderer/**'],
    denyPackages: NODE_ONLY,
  },
]

export default defineConfig(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', '.vite/', '.tmp/', 'bench/results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Chinese text is set with the ideographic space (U+3000), e.g. the two-character indent of 公文 paragraphs.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      // The code marks a deliberately unused name with `_` (fake Electron APIs, destructuring to drop a key).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // exceljs and docx are loaded on first use (services/files/exceljs.ts; letters/issue.ts imports the letter
    // builder dynamically): imported at the top of any module the core loads, they cost every process ~25 MB
    // and part of its start-up (bench office-receive, relay/heapFlags.ts). Types are free.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/services/files/exceljs.ts', 'src-main/services/letters/{build,blocks,annexTable,styles}.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'exceljs', allowTypeImports: true, message: 'Use loadExcelJS() from services/files/exceljs.ts: exceljs loads on first use.' },
            { name: 'docx', allowTypeImports: true, message: 'docx belongs to services/letters/build.ts and its blocks, which letters/issue.ts imports on first use.' },
          ],
        },
      ],
    },
  },
  { plugins: { starsite } },
  ...LAYERS.map(({ files, ...options }) => ({ files, rules: { 'starsite/layer-imports': ['error', options] } })),
)
