import { defineConfig } from 'vitest/config'

/** Browser tests: one file at a time (one Chromium), long timeouts, against the built renderer (out/web). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
})
