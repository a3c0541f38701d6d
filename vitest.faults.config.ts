import { defineConfig } from 'vitest/config'

/** `npm run test:faults`: breaks PostgreSQL, Redis and SQLite on purpose (their own throwaway servers); one file at a time. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  },
})
