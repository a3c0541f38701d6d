import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'
import { postComment, publishArticle, setSettings, withinOneFloodWindow } from './helpers'

// Two Payload instances on one database, no Redis: what a site behind a load balancer with one database has.
// Each instance keeps its own copy of the moderation settings; a save on one must reach the next comment on the other.
let first: TestApp
let second: TestApp

beforeAll(async () => {
  const secret = crypto.randomBytes(24).toString('hex')
  first = await startTestApp({ label: 'comments_instances', secret })
  second = await startTestApp({ secret, database: first.database, instanceKey: 'second' })
})
afterAll(async () => {
  await second?.close()
  await first?.close()
})

describe('two instances on one database', () => {
  it('applies settings saved in the admin of one instance to the next comment on the other', async () => {
    await setSettings(first, {})
    const article = await publishArticle(first)
    const { token } = await first.userToken('mod@instances.test', ['moderator'])

    // The second instance reads (and keeps) the current settings.
    const before = await postComment(second, { article: article.id, authorName: 'A', body: 'A word about frobnication' })
    expect(before.body.outcome.status).toBe('approved')

    // A moderator bans the word and switches to pre-moderation through the first instance's REST API.
    const saved = await first.rest('POST', '/api/globals/moderation-settings', {
      token,
      body: { bannedTerms: ['frobnication'], mode: 'pre' },
    })
    expect(saved.status).toBe(200)

    const banned = await postComment(second, { article: article.id, authorName: 'B', body: 'More frobnication here' })
    expect(banned.body.outcome).toMatchObject({ status: 'rejected', code: 'comment.rejected.banned_term' })
    const held = await postComment(second, { article: article.id, authorName: 'C', body: 'A calm remark' })
    expect(held.body.outcome.status).toBe('pending')

    // And back: the second instance follows every save, not only the first one.
    const reverted = await first.rest('POST', '/api/globals/moderation-settings', { token, body: { bannedTerms: [], mode: 'post' } })
    expect(reverted.status).toBe(200)
    const after = await postComment(second, { article: article.id, authorName: 'D', body: 'Frobnication is fine again' })
    expect(after.body.outcome.status).toBe('approved')
  })

  it('counts the flood limit for one address across both instances in the database KV store', async () => {
    await setSettings(first, { floodLimitPerMinute: 3 })
    const article = await publishArticle(first)
    await withinOneFloodWindow()
    const ip = '192.0.2.77'
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const app = i % 2 ? second : first
      statuses.push((await postComment(app, { article: article.id, authorName: 'F', body: `Flood ${i}` }, { ip })).status)
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429])
  })
})
