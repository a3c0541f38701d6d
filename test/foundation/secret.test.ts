import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { resolvePayloadSecret, SecretError } from '../../src/secret'

describe('PAYLOAD_SECRET', () => {
  it('production refuses a missing secret', () => {
    expect(() => resolvePayloadSecret({ NODE_ENV: 'production' })).toThrow(SecretError)
    expect(() => resolvePayloadSecret({ NODE_ENV: 'production' })).toThrow(/not set.*at least 32/)
  })

  it('production refuses a short secret', () => {
    expect(() => resolvePayloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short-secret' })).toThrow(/too short \(12/)
  })

  it('production takes a long enough secret', () => {
    const secret = 'x'.repeat(32)
    expect(resolvePayloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: secret })).toBe(secret)
  })

  it('development generates a secret once and keeps it under the data folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-'))
    const first = resolvePayloadSecret({ NODE_ENV: 'development' }, dir)
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(resolvePayloadSecret({ NODE_ENV: 'development' }, dir)).toBe(first)
    expect(fs.statSync(path.join(dir, '.payload-secret')).mode & 0o077).toBe(0)
    fs.rmSync(dir, { recursive: true })
  })

  it('the production server refuses to start with a short secret, with a clear message', () => {
    const run = spawnSync('npx', ['tsx', 'src/server.ts'], {
      env: { ...process.env, NODE_ENV: 'production', PAYLOAD_SECRET: 'too-short', DATABASE_URI: 'file:/tmp/never.db' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/PAYLOAD_SECRET is too short \(9 characters\)/)
  })
})
