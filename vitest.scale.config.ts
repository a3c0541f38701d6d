import os from 'node:os'
import path from 'node:path'

import { defineConfig } from 'vitest/config'

/**
 * `npm run test:scale`: beyond one machine, against real engines started by the tests themselves: a streaming
 * PostgreSQL replica (pg_basebackup of the local cluster), s3rver (or S3_TEST_ENDPOINT), Redis, and two
 * `npm start` instances. Needs PostgreSQL (DATABASE_URI, default the local cluster) and Redis (TEST_REDIS_URL).
 */
export default defineConfig({
  test: {
    include: ['test/scale/**/*.test.ts'],
    pool: 'forks',
    // one replica, one pair of servers at a time
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 600_000,
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: process.env.LOG_LEVEL || 'fatal',
      DATABASE_URI: process.env.DATABASE_URI || 'postgres://postgres@127.0.0.1:5432/postgres',
      MEDIA_DIR: process.env.MEDIA_DIR || path.join(os.tmpdir(), 'newsroom-test-media'),
    },
  },
})
