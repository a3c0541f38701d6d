import { defineConfig } from 'vitest/config'

/** Browser tests (`npm run test:e2e`): Chromium driven by playwright-core against the running app. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    pool: 'forks',
    // one browser and one server: files run one after another
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 360_000,
    teardownTimeout: 60_000,
    // pages render after data arrives: give every expect.poll time on a busy machine
    expect: { poll: { timeout: 20_000, interval: 100 } },
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  },
})
