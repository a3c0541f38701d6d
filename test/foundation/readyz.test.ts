import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createHostApp } from '../../src/host/app'
import { startTestApp, type TestApp } from '../helpers/app'
import { startTestBucket, type TestBucket } from '../helpers/s3'

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'

let bucket: TestBucket
let app: TestApp
const servers: Server[] = []
let draining = false

const listen = async (options: Partial<Parameters<typeof createHostApp>[0]>) => {
  const server = createHostApp({ getPayload: async () => app.payload, ...options }).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  servers.push(server)
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

beforeAll(async () => {
  bucket = await startTestBucket('ready')
  app = await startTestApp({ label: 'readyz', redisUrl: REDIS_URL, objectStorage: bucket.settings })
})
afterAll(async () => {
  for (const server of servers) server.close()
  await app?.close()
  await bucket?.close()
})

describe('GET /readyz', () => {
  it('answers 200 when the database, Redis and object storage all answer', async () => {
    const base = await listen({ objectStorage: bucket.settings })
    const response = await fetch(`${base}/readyz`)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ status: 'ready', failing: [], database: 'ok', redis: 'ok', objectStorage: 'ok' })
  })

  it('answers 503 naming object storage when the bucket cannot be reached', async () => {
    const base = await listen({ objectStorage: { ...bucket.settings, bucket: 'no-such-bucket-here' } })
    const response = await fetch(`${base}/readyz`)
    expect(response.status).toBe(503)
    const body = await response.json()
    expect(body).toMatchObject({ status: 'unready', failing: ['objectStorage'], database: 'ok', redis: 'ok' })
    expect(body.objectStorage).not.toBe('ok')
  })

  it('answers 503 and turns new requests away while the instance is stopping; /healthz still says alive', async () => {
    const base = await listen({ objectStorage: bucket.settings, isDraining: () => draining })
    draining = true
    try {
      const ready = await fetch(`${base}/readyz`)
      expect(ready.status).toBe(503)
      expect((await ready.json()).status).toBe('draining')
      const turnedAway = await fetch(`${base}/api/articles`)
      expect(turnedAway.status).toBe(503)
      expect(turnedAway.headers.get('retry-after')).toBe('1')
      expect((await fetch(`${base}/healthz`)).status).toBe(200)
    } finally {
      draining = false
    }
  })

  it('answers 503 naming Redis when Redis is gone', async () => {
    const base = await listen({})
    ;(app.payload.kv as unknown as { redisClient: { disconnect: () => void } }).redisClient.disconnect()
    const response = await fetch(`${base}/readyz`)
    expect(response.status).toBe(503)
    const body = await response.json()
    expect(body).toMatchObject({ status: 'unready', failing: ['redis'], database: 'ok', objectStorage: 'not configured' })
    expect(body.redis).not.toBe('ok')
  })
})
