/**
 * The desktop build: main process, sandboxed preload and the renderer (the same UI as browser mode, via
 * `rendererConfig`). Outputs: out/main/index.js (ESM, package.json "type": "module"), out/main/core.js (the core's
 * utility process), out/preload/preload.cjs,
 * out/renderer/index.html.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { rendererConfig } from './vite.web.config'
import { CONTENT_SECURITY_POLICY } from './src-main/electron/csp'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

/**
 * A page loaded from file:// gets no response headers, so the header set in window.ts never applies to the
 * packaged app; the same policy as a <meta> tag does. Build only: the dev server injects an inline React
 * refresh preamble that this policy would block.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'starsite:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (/http-equiv=["']Content-Security-Policy["']/i.test(html)) return html
        return {
          html,
          tags: [
            {
              tag: 'meta',
              attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
              injectTo: 'head-prepend',
            },
          ],
        }
      },
    },
  }
}

export default defineConfig({
  main: {
    build: {
      // Dependencies stay in node_modules (better-sqlite3 is native and must never be bundled); JSON imported
      // by relative path (package.json, resources/campaigns/*.json) is source and gets bundled.
      externalizeDeps: true,
      rolldownOptions: {
        // core.js is the utility process that owns the database (src-main/relay); main only relays to it.
        input: { index: here('./src-main/electron/main.ts'), core: here('./src-main/relay/entry.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron' (and a few builtins): bundle everything else, emit
      // CommonJS, and keep it a single file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: here('./src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    plugins: [...(rendererConfig.plugins ?? []), cspMetaTag()],
    build: {
      ...rendererConfig.build,
      outDir: here('./out/renderer'),
      rolldownOptions: { ...rendererConfig.build?.rolldownOptions, input: here('./src-renderer/index.html') },
    },
  },
})
