/**
 * The renderer's Vite config, shared by browser mode (this file) and the Electron build
 * (electron.vite.config.ts imports `rendererConfig`), so both doors serve the same UI.
 */
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig, type UserConfig } from 'vite'

const root = fileURLToPath(new URL('./src-renderer', import.meta.url))

/** The renderer's one door into src-main (also in tsconfig.base.json `paths`); lint forbids any other. */
const contractAlias = { '@contract': fileURLToPath(new URL('./src-main/api/contract.ts', import.meta.url)) }

export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [react()],
  resolve: { alias: contractAlias },
  build: { chunkSizeWarningLimit: 2000 },
}

export default defineConfig({
  ...rendererConfig,
  build: {
    ...rendererConfig.build,
    outDir: fileURLToPath(new URL('./out/web', import.meta.url)),
    emptyOutDir: true,
  },
})
