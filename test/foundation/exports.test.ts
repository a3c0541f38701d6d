import { spawnSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { newsroomPlugin } from 'payload-newsroom'

describe('package exports', () => {
  it('resolve from Node with tsx inside the repo (payload-newsroom, /moderation, /attribution, /types)', () => {
    const run = spawnSync('npx', ['tsx', 'test/fixtures/import-exports.mts'], { encoding: 'utf8', timeout: 60_000 })
    expect(run.status, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toEqual({
      resolved: ['src/index.ts', 'src/moderation/index.ts', 'src/attribution/index.ts', 'src/types.ts'],
      verdict: 'reject',
      slug: 'ao-zhou-xin-wen',
    })
  })

  it('the plugin entry loads by its package name', () => {
    expect(typeof newsroomPlugin).toBe('function')
  })
})
