import os from 'node:os'
import path from 'node:path'

import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/faults/**', 'test/scale/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Payload and its database are started once per test file; two files at a time suits a 2-core machine.
    maxWorkers: 2,
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: process.env.LOG_LEVEL || 'fatal',
      // Uploads made by tests stay out of the repository's media/ folder.
      MEDIA_DIR: process.env.MEDIA_DIR || path.join(os.tmpdir(), 'newsroom-test-media'),
    },
  },
})
