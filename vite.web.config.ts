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

const defaultPage = fileURLToPath(new URL('./src-renderer/src/pages/sites/SitesPage.tsx', import.meta.url))

/**
 * The page the app opens on is a lazy chunk like every other page, so the browser would only learn of it (and
 * of the chunks it imports) once the entry has run and React has rendered: a second round of requests, queued
 * behind the API calls. Listed in index.html as module preloads, they are fetched (not run) alongside the
 * entry. Chunks it loads on demand (drawer, bulk bar, dropdowns) stay out.
 */
function preloadDefaultPage(): Plugin {
  return {
    name: 'starsite:preload-default-page',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle
        if (!bundle) return [] // dev server: nothing is bundled
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk')
        const page = chunks.find((c) => c.facadeModuleId === defaultPage)
        if (!page) throw new Error('preload-default-page: no chunk for the default page (pages/sites/SitesPage.tsx)')
        const entry = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => [c.fileName, ...c.imports]))
        const js = new Set<string>()
        const css = new Set<string>()
        const visit = (fileName: string) => {
          if (entry.has(fileName) || js.has(fileName)) return
          const chunk = bundle[fileName]
          if (chunk?.type !== 'chunk') return
          js.add(fileName)
          for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file)
          for (const imported of chunk.imports) visit(imported)
        }
        visit(page.fileName)
        return [
          ...[...css].map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
          ...[...js].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const })),
        ]
      },
    },
  }
}

export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [contractVocabularyOnly(), react(), preloadDefaultPage()],
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
