import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Unit tests may import renderer modules, which reach the contract through this alias (see vite.web.config.ts).
  resolve: { alias: { '@contract': fileURLToPath(new URL('./src-main/api/contract.ts', import.meta.url)) } },
  test: {
    include: ['test/unit/**/*.test.ts', 'src-main/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
