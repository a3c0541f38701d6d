import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'
import { postComment, publishArticle, setSettings, withinOneFloodWindow } from './helpers'

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'
let first: TestApp
let second: TestApp

beforeAll(async () => {
  // Same database and secret (so both hash an address alike), two Payload instances, one Redis.
  const secret = crypto.randomBytes(24).toString('hex')
  first = await startTestApp({ label: 'comments_flood', redisUrl: REDIS_URL, secret })
  second = await startTestApp({ redisUrl: REDIS_URL, secret, database: first.database, instanceKey: 'second' })
})
afterAll(async () => {
  await second?.close()
  await first?.close()
})

describe('flood limit shared through Redis', () => {
  it('counts one address across two instances', async () => {
    expect((first.payload.kv as any).redisClient).toBeTruthy()
    expect((second.payload.kv as any).redisClient).toBeTruthy()
    await setSettings(first, { floodLimitPerMinute: 4 })
    const article = await publishArticle(first)
    // A random address per run: Redis outlives the test databases.
    const ip = `203.0.113.${crypto.randomInt(1, 254)}-${crypto.randomBytes(3).toString('hex')}`
    await withinOneFloodWindow()
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      const app = i % 2 ? second : first
      const response = await postComment(app, { article: article.id, authorName: 'F', body: `Shared flood ${i}` }, { ip })
      statuses.push(response.status)
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    // 4 allowed in total (2 on each instance), then both instances refuse
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429])
  })
})
