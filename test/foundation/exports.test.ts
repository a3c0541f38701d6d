import { spawnSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

describe('package exports', () => {
  it('resolve from Node with tsx inside the repo (payload-newsroom, /moderation, /attribution)', () => {
    const run = spawnSync('npx', ['tsx', 'test/fixtures/import-exports.mts'], { encoding: 'utf8', timeout: 60_000 })
    expect(run.status, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toEqual({ verdict: 'reject', slug: 'ao-zhou-xin-wen', plugin: 'function' })
  })
})
