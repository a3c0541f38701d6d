import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseDatabaseUri, redisKeyPrefix, SettingError } from '../../src/database'
import { postComment, publishArticle, setSettings, withinOneFloodWindow } from '../comments/helpers'
import { startTestApp, type TestApp } from '../helpers/app'

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'

describe('REDIS_PREFIX', () => {
  const prefixOf = (uri: string, given?: string) => redisKeyPrefix(parseDatabaseUri(uri), given)

  it('by default names the database: same database, same prefix, whatever the credentials; another database, another prefix', () => {
    const site = prefixOf('postgres://app:secret@db.example:5432/daily')
    expect(site).toMatch(/^newsroom:daily-[0-9a-f]{10}:$/)
    expect(prefixOf('postgresql://reader:other@DB.example/daily')).toBe(site)
    expect(prefixOf('postgres://app:secret@db.example:5432/weekly')).not.toBe(site)
    expect(prefixOf('postgres://app:secret@other-db.example:5432/daily')).not.toBe(site)
    expect(prefixOf('file:./data/newsroom.db')).not.toBe(prefixOf('file:./other/newsroom.db'))
  })

  it('takes the given prefix, ending it with a colon, and refuses characters that do not belong in a key', () => {
    expect(prefixOf('file:./data/newsroom.db', 'daily')).toBe('daily:')
    expect(prefixOf('file:./data/newsroom.db', 'sites:daily:')).toBe('sites:daily:')
    expect(() => prefixOf('file:./data/newsroom.db', 'daily news')).toThrow(SettingError)
  })
})

describe('two sites on one Redis', () => {
  let daily: TestApp
  let weekly: TestApp
  beforeAll(async () => {
    // One secret for both, so an address hashes alike on both sites: only the prefix keeps their counters apart.
    const secret = crypto.randomBytes(24).toString('hex')
    daily = await startTestApp({ label: 'prefix_daily', redisUrl: REDIS_URL, secret })
    // Payload pushes a schema once per process unless it differs: a collection of its own makes the second site's differ.
    const ownCollection = { slug: 'weekly-notes', fields: [{ name: 'note', type: 'text' as const }] }
    weekly = await startTestApp({ label: 'prefix_weekly', redisUrl: REDIS_URL, secret, instanceKey: 'weekly', collections: [ownCollection] })
  })
  afterAll(async () => {
    await weekly?.close()
    await daily?.close()
  })

  it("do not share flood counters: a reader limited on one site still comments on the other", async () => {
    await setSettings(daily, { floodLimitPerMinute: 2 })
    await setSettings(weekly, { floodLimitPerMinute: 2 })
    const onDaily = await publishArticle(daily)
    const onWeekly = await publishArticle(weekly)
    const ip = `198.51.100.${crypto.randomInt(1, 254)}-${crypto.randomBytes(3).toString('hex')}`
    await withinOneFloodWindow()
    const dailyStatuses: number[] = []
    for (let i = 0; i < 3; i++) {
      dailyStatuses.push((await postComment(daily, { article: onDaily.id, authorName: 'R', body: `Daily comment ${i}` }, { ip })).status)
    }
    expect(dailyStatuses).toEqual([201, 201, 429])
    const first = await postComment(weekly, { article: onWeekly.id, authorName: 'R', body: 'Weekly comment' }, { ip })
    expect(first.status).toBe(201)
  })
})
