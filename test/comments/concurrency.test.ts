import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { installRecountTriggers, removeRecountTriggers } from '../../src/comments/recountTriggers'
import { startTestApp, type TestApp } from '../helpers/app'
import { freshIp, postComment, publishArticle, readArticle, setSettings } from './helpers'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp({ label: 'comments_concurrency' })
})
afterAll(async () => app?.close())

describe('counts stay exact under concurrency', () => {
  it('stores 200 parallel guest submissions exactly once each, with commentCount exact', async () => {
    await setSettings(app, {})
    const article = await publishArticle(app)
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        postComment(app, { article: article.id, authorName: `Reader ${i}`, body: `Parallel comment number ${i}` }, { ip: freshIp() }),
      ),
    )
    expect(responses.map((response) => response.status).filter((status) => status !== 201)).toEqual([])
    const stored = await app.payload.find({
      collection: 'comments',
      where: { article: { equals: article.id } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    } as any)
    expect(stored.docs).toHaveLength(200)
    expect(new Set(stored.docs.map((doc: any) => doc.body)).size).toBe(200)
    const after = await readArticle(app, article.id)
    expect(after.commentCount).toBe(200)
    const latest = stored.docs.map((doc: any) => doc.createdAt).sort().at(-1)
    expect(after.lastCommentAt).toBe(latest)
  })

  it('keeps the count exact when two moderators decide at once', async () => {
    await setSettings(app, { mode: 'pre', floodLimitPerMinute: 1000 })
    const article = await publishArticle(app)
    const ids: Array<number | string> = []
    for (let i = 0; i < 40; i++) {
      const response = await postComment(app, { article: article.id, authorName: 'M', body: `Held for decision ${i}` })
      ids.push(response.body.doc.id)
    }
    const one = await app.userToken('mod-one@example.com', ['moderator'])
    const two = await app.userToken('mod-two@example.com', ['admin'])
    // approve 30 in parallel, split between two moderators, while others are rejected
    const decisions = await Promise.all(
      ids.map((id, i) =>
        app.rest('PATCH', `/api/comments/${id}`, {
          token: i % 2 ? one.token : two.token,
          body: { status: i < 30 ? 'approved' : 'rejected' },
        }),
      ),
    )
    expect(decisions.map((response) => response.status).filter((status) => status !== 200)).toEqual([])
    expect((await readArticle(app, article.id)).commentCount).toBe(30)

    // both moderators bulk-decide overlapping sets at the same moment
    const [a, b] = await Promise.all([
      app.rest('PATCH', `/api/comments?where[article][equals]=${article.id}&where[status][equals]=rejected`, { token: one.token, body: { status: 'approved' } }),
      app.rest('PATCH', `/api/comments?where[article][equals]=${article.id}&where[id][in]=${ids.slice(0, 5).join(',')}`, { token: two.token, body: { status: 'rejected' } }),
    ])
    expect([a.status, b.status]).toEqual([200, 200])
    const approved = await app.payload.count({ collection: 'comments', where: { and: [{ article: { equals: article.id } }, { status: { equals: 'approved' } }] }, overrideAccess: true })
    expect((await readArticle(app, article.id)).commentCount).toBe(approved.totalDocs)
  })

  // SQLite keeps the counts in triggers (the adapter has no transactions for a hook to join).
  const sqliteOnly = () => (app.payload.db as { name?: string }).name === 'sqlite'

  it('SQLite: a comment written past every hook still counts (the database keeps the count)', async (context) => {
    if (!sqliteOnly()) return context.skip()
    const article = await publishArticle(app)
    await app.payload.db.create({
      collection: 'comments',
      data: { article: article.id, authorName: 'Direct', body: 'Written straight through the adapter', status: 'approved' },
    } as any)
    expect((await readArticle(app, article.id)).commentCount).toBe(1)
  })

  it('SQLite without the triggers: the hooks recount in one statement and stay exact', async (context) => {
    if (!sqliteOnly()) return context.skip()
    await removeRecountTriggers(app.payload)
    try {
      await setSettings(app, { floodLimitPerMinute: 1000 })
      const article = await publishArticle(app)
      // written past the hooks: no trigger counts it now, so the count below comes from the hooks' recount
      await app.payload.db.create({
        collection: 'comments',
        data: { article: article.id, authorName: 'Direct', body: 'Not counted by anyone yet', status: 'approved' },
      } as any)
      expect((await readArticle(app, article.id)).commentCount).toBe(0)
      const responses = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          postComment(app, { article: article.id, authorName: `Reader ${i}`, body: `Counted by the hooks ${i}` }, { ip: freshIp() }),
        ),
      )
      expect(responses.map((response) => response.status).filter((status) => status !== 201)).toEqual([])
      const moderator = await app.userToken('mod-fallback@example.com', ['moderator'])
      const ids = responses.slice(0, 10).map((response) => response.body.doc.id)
      const decisions = await Promise.all(
        ids.map((id) => app.rest('PATCH', `/api/comments/${id}`, { token: moderator.token, body: { status: 'rejected' } })),
      )
      expect(decisions.map((response) => response.status).filter((status) => status !== 200)).toEqual([])
      expect((await readArticle(app, article.id)).commentCount).toBe(61 - 10)
    } finally {
      await installRecountTriggers(app.payload)
    }
  })
})
