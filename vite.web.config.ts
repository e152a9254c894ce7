/**
 * The renderer's Vite config, shared by browser mode (this file) and the Electron build
 * (electron.vite.config.ts imports `rendererConfig`), so both doors serve the same UI.
 */
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin, type UserConfig } from 'vite'

const root = fileURLToPath(new URL('./src-renderer', import.meta.url))

const contractFile = fileURLToPath(new URL('./src-main/api/contract.ts', import.meta.url))
/** The renderer's one door into src-main (also in tsconfig.base.json `paths`); lint forbids any other. */
const contractAlias = { '@contract': contractFile }
const vocabularyFile = fileURLToPath(new URL('./src-main/api/vocabulary.ts', import.meta.url))

/**
 * The renderer takes only types and vocabulary from the contract; at run time every import of it is served
 * by vocabulary.ts, which contract.ts re-exports whole. Otherwise every operation's zod schema would be
 * evaluated, and zod parsed, before the first screen. A value the contract exports beyond the vocabulary
 * fails the build here (missing export), not at run time.
 */
function contractVocabularyOnly(): Plugin {
  return {
    name: 'starsite:contract-vocabulary',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.includes('contract')) return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      return resolved?.id === contractFile ? vocabularyFile : null
    },
  }
}

export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [contractVocabularyOnly(), react()],
  resolve: { alias: contractAlias },
  build: {
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // Left on, Rolldown moves modules that several pages share (the dropdowns, the virtual list…) into the
      // entry chunk, since every page loads after it anyway; then the first screen parses them all. Off, they
      // stay in chunks that load with the pages that use them.
      experimental: { chunkOptimization: { mergeCommonChunks: false } },
      // Positioning code for dropdowns and menus in a chunk of its own: grouped automatically, it shares a
      // chunk with a module the shell needs, and the first screen would download it for that one module.
      output: {
        codeSplitting: { groups: [{ name: 'floating-ui', test: /node_modules[\\/]@floating-ui[\\/]/, includeDependenciesRecursively: false }] },
      },
    },
  },
}

export default defineConfig({
  ...rendererConfig,
  build: {
    ...rendererConfig.build,
    outDir: fileURLToPath(new URL('./out/web', import.meta.url)),
    emptyOutDir: true,
  },
})
