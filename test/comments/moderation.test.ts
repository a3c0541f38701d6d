import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'
import { errorCode, freshIp, postComment, publishArticle, readArticle, setSettings } from './helpers'

let app: TestApp
let moderator: { token: string; id: number | string }
let admin: { token: string; id: number | string }
let editorToken: string
let authorToken: string

beforeAll(async () => {
  app = await startTestApp({ label: 'comments_moderation' })
  moderator = await app.userToken('moderator@example.com', ['moderator'])
  admin = await app.userToken('admin@example.com', ['admin'])
  editorToken = (await app.userToken('editor@example.com', ['editor'])).token
  authorToken = (await app.userToken('author@example.com', ['author'])).token
})
afterAll(async () => app?.close())
beforeEach(async () => setSettings(app, {}))

const stored = async (id: number | string) =>
  (await app.payload.findByID({ collection: 'comments', id, depth: 0, overrideAccess: true })) as Record<string, any>

const PRIVATE = ['authorEmail', 'ipHash', 'userAgentHash', 'reports', 'moderation', 'fingerprint', 'authorUser']

describe('public reads', () => {
  it('shows anonymous callers approved comments of published articles only, without personal data', async () => {
    const article = await publishArticle(app)
    const approved = await postComment(app, { article: article.id, authorName: 'Pub', authorEmail: 'pub@example.com', body: 'Visible' })
    await setSettings(app, { mode: 'pre' })
    const pending = await postComment(app, { article: article.id, authorName: 'Pen', body: 'Invisible' })
    await setSettings(app, {})

    const list = await app.rest('GET', `/api/comments?where[article][equals]=${article.id}&depth=0`)
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc: any) => doc.id)).toEqual([approved.body.doc.id])
    for (const key of PRIVATE) expect(list.body.docs[0]).not.toHaveProperty(key)
    expect(list.body.docs[0]).toMatchObject({ authorName: 'Pub', body: 'Visible', status: 'approved' })

    const one = await app.rest('GET', `/api/comments/${pending.body.doc.id}`)
    expect(one.status).toBe(404)

    // unpublishing the article hides its comments from the public
    await app.payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } as never, overrideAccess: true })
    const hidden = await app.rest('GET', `/api/comments?where[article][equals]=${article.id}`)
    expect(hidden.body.docs).toHaveLength(0)
    const thread = await app.rest('GET', `/api/articles/${article.id}/comments`)
    expect(thread.status).toBe(404)

    // staff see everything, including personal data
    const staff = await app.rest('GET', `/api/comments?where[article][equals]=${article.id}&depth=0`, { token: editorToken })
    expect(staff.body.docs).toHaveLength(2)
    const staffApproved = staff.body.docs.find((doc: any) => doc.id === approved.body.doc.id)
    expect(staffApproved.authorEmail).toBe('pub@example.com')
    expect(staffApproved.ipHash).toMatch(/^[0-9a-f]{32}$/)
  })

  it('hides personal data over GraphQL too', async () => {
    const article = await publishArticle(app)
    await postComment(app, { article: article.id, authorName: 'GQ', authorEmail: 'gq@example.com', body: 'Via GraphQL' })
    const query = `{ Comments(where: { article: { equals: ${JSON.stringify(article.id)} } }) { docs { body status authorName authorEmail ipHash userAgentHash reportCount moderation { verdict decidedBy } reports { reason } } } }`
    const anonymous = await app.graphql(query)
    expect(anonymous.status).toBe(200)
    const doc = anonymous.body.data.Comments.docs[0]
    expect(doc.body).toBe('Via GraphQL')
    expect(doc.authorEmail ?? null).toBeNull()
    expect(doc.ipHash ?? null).toBeNull()
    expect(doc.userAgentHash ?? null).toBeNull()
    expect(doc.moderation?.verdict ?? null).toBeNull()
    expect(doc.moderation?.decidedBy ?? null).toBeNull()
    expect(doc.reports ?? []).toEqual([])
    // a guest creating through GraphQL runs the same pipeline and is not told "spam"
    await setSettings(app, { spamTerms: ['casino'] })
    const created = await app.graphql(
      `mutation { createComment(data: { article: ${JSON.stringify(article.id)}, authorName: "Bot", body: "best casino here", status: approved }) { id status } }`,
    )
    expect(created.body.errors ?? []).toEqual([])
    expect(created.body.data.createComment.status).toBe('pending')
    const spamDoc = await stored(created.body.data.createComment.id)
    expect(spamDoc.status).toBe('spam')
    const staff = await app.graphql(query, { token: moderator.token })
    const staffDoc = staff.body.data.Comments.docs.find((doc: any) => doc.body === 'Via GraphQL')
    expect(staffDoc.authorEmail).toBe('gq@example.com')
    expect(staffDoc.moderation.decidedBy).toBe('system')
  })
})

describe('GET /api/articles/:id/comments', () => {
  it('returns the approved thread as a tree, featured first, paginated on top-level comments', async () => {
    const article = await publishArticle(app)
    const ids: Array<number | string> = []
    for (let i = 0; i < 5; i++) {
      const response = await postComment(app, { article: article.id, authorName: `T${i}`, body: `Top ${i}` })
      ids.push(response.body.doc.id)
    }
    const reply = await postComment(app, { article: article.id, parent: ids[0], authorName: 'R', body: 'Reply to top 0' })
    await postComment(app, { article: article.id, parent: reply.body.doc.id, authorName: 'RR', body: 'Reply to reply' })
    await setSettings(app, { mode: 'pre' })
    await postComment(app, { article: article.id, parent: ids[0], authorName: 'H', body: 'Held reply' })
    await setSettings(app, {})
    await app.rest('PATCH', `/api/comments/${ids[1]}`, { token: moderator.token, body: { featured: true } })

    const newest = await app.rest('GET', `/api/articles/${article.id}/comments?limit=2`)
    expect(newest.status).toBe(200)
    expect(newest.body).toMatchObject({ totalDocs: 5, totalPages: 3, page: 1, hasNextPage: true, order: 'newest' })
    expect(newest.body.docs.map((doc: any) => doc.id)).toEqual([ids[1], ids[4]])

    const oldest = await app.rest('GET', `/api/articles/${article.id}/comments?order=oldest&limit=3`)
    expect(oldest.body.docs.map((doc: any) => doc.id)).toEqual([ids[1], ids[0], ids[2]])
    const first = oldest.body.docs[1]
    expect(first.replies).toHaveLength(1)
    expect(first.replies[0].body).toBe('Reply to top 0')
    expect(first.replies[0].replies[0].body).toBe('Reply to reply')
    for (const key of PRIVATE) expect(first).not.toHaveProperty(key)
    expect(JSON.stringify(oldest.body)).not.toContain('Held reply')

    const page3 = await app.rest('GET', `/api/articles/${article.id}/comments?limit=2&page=3`)
    expect(page3.body.docs.map((doc: any) => doc.id)).toEqual([ids[0]])
  })
})

describe('reports', () => {
  it('takes one report per reporter and sends a comment back to review at the threshold', async () => {
    await setSettings(app, { reportThreshold: 2 })
    const article = await publishArticle(app)
    const created = await postComment(app, { article: article.id, authorName: 'Rep', body: 'Controversial opinion' })
    const id = created.body.doc.id
    expect((await readArticle(app, article.id)).commentCount).toBe(1)

    const bad = await app.rest('POST', `/api/comments/${id}/report`, { body: { reason: 'because' }, headers: { 'x-forwarded-for': freshIp() } })
    expect(bad.status).toBe(400)

    const ip = freshIp()
    const first = await app.rest('POST', `/api/comments/${id}/report`, { body: { reason: 'abuse', note: 'rude' }, headers: { 'x-forwarded-for': ip } })
    expect(first.status).toBe(201)
    expect(first.body.message).toMatch(/Thanks for your report/)
    const again = await app.rest('POST', `/api/comments/${id}/report`, { body: { reason: 'spam' }, headers: { 'x-forwarded-for': ip } })
    expect(again.status).toBe(409)
    expect(errorCode(again)).toBe('report.duplicate')
    expect((await stored(id)).status).toBe('approved')

    const second = await app.rest('POST', `/api/comments/${id}/report`, { body: { reason: 'off-topic' }, token: editorToken })
    expect(second.status).toBe(201)
    const doc = await stored(id)
    expect(doc.status).toBe('pending')
    expect(doc.reportCount).toBe(2)
    expect(doc.reports.map((report: any) => report.reason)).toEqual(['abuse', 'off-topic'])
    expect(doc.moderation.reasons[0].code).toBe('reported')
    expect((await readArticle(app, article.id)).commentCount).toBe(0)

    // a held comment cannot be reported by the public (it is not visible)
    const hidden = await app.rest('POST', `/api/comments/${id}/report`, { body: { reason: 'spam' }, headers: { 'x-forwarded-for': freshIp() } })
    expect(hidden.status).toBe(404)
    // a held comment queued a moderator notice
    const jobs = await app.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'notifyModerators' } }, overrideAccess: true, limit: 100 } as any)
    expect(jobs.docs.some((job: any) => String(job.input?.commentId) === String(id))).toBe(true)
  })

  it('lets a moderator settle reports: a decision or a kept comment starts the count again, and leaves the reported queue', async () => {
    await setSettings(app, { reportThreshold: 2 })
    const article = await publishArticle(app)
    const id = (await postComment(app, { article: article.id, authorName: 'Rep', body: 'Unpopular but fair' })).body.doc.id
    const report = (reason = 'abuse') => app.rest('POST', `/api/comments/${id}/report`, { body: { reason }, headers: { 'x-forwarded-for': freshIp() } })
    const reported = async () =>
      (await app.rest('GET', `/api/comments?where[reportCount][greater_than]=0&where[article][equals]=${article.id}&depth=0`, { token: moderator.token })).body.docs.map(
        (doc: { id: unknown }) => String(doc.id),
      )
    expect((await report()).status).toBe(201)
    expect((await report()).status).toBe(201)
    expect((await stored(id)).status).toBe('pending')

    // The moderator reads the two reports and approves: one more report does not hide it again at once.
    expect((await app.rest('PATCH', `/api/comments/${id}`, { token: moderator.token, body: { status: 'approved' } })).status).toBe(200)
    let doc = await stored(id)
    expect([doc.status, doc.reportCount, doc.reports.length]).toEqual(['approved', 0, 2])
    expect(await reported()).toEqual([])
    expect((await report()).status).toBe(201)
    doc = await stored(id)
    expect([doc.status, doc.reportCount, doc.reports.length]).toEqual(['approved', 1, 3])
    expect(await reported()).toEqual([String(id)])

    // Keeping it (reportCount 0, the panel's "keep") settles that report too, and records who decided.
    const keep = await app.rest('PATCH', `/api/comments/${id}`, { token: moderator.token, body: { reportCount: 0 } })
    expect(keep.status).toBe(200)
    doc = await stored(id)
    expect([doc.status, doc.reportCount, doc.moderation.decidedBy]).toEqual(['approved', 0, String(moderator.id)])
    expect(await reported()).toEqual([])
    expect((await report()).status).toBe(201)
    expect((await stored(id)).status).toBe('approved')
    expect((await report()).status).toBe(201)
    expect((await stored(id)).status).toBe('pending')
    // An editor is not a moderator: it cannot dismiss reports.
    const editorKeep = await app.rest('PATCH', `/api/comments/${id}`, { token: editorToken, body: { reportCount: 0 } })
    expect((await stored(id)).reportCount, JSON.stringify(editorKeep.body)).toBe(2)
    const negative = await app.rest('PATCH', `/api/comments/${id}`, { token: moderator.token, body: { reportCount: -1 } })
    expect(negative.status).toBe(400)
  })

  it('keeps guests from setting reports or reportCount directly', async () => {
    const article = await publishArticle(app)
    const created = await postComment(app, { article: article.id, authorName: 'X', body: 'Report me not' })
    const patch = await app.rest('PATCH', `/api/comments/${created.body.doc.id}`, { body: { reportCount: 99 } })
    expect(patch.status).toBe(403)
  })
})

describe('moderators decide', () => {
  it('records who decided and when, keeps the original body in the history, and recounts', async () => {
    await setSettings(app, { mode: 'pre' })
    const article = await publishArticle(app)
    const created = await postComment(app, { article: article.id, authorName: 'Q', body: 'Typo in teh comment' })
    const id = created.body.doc.id
    expect((await readArticle(app, article.id)).commentCount).toBe(0)

    const decided = await app.rest('PATCH', `/api/comments/${id}`, {
      token: moderator.token,
      body: { status: 'approved', body: 'Typo in the comment', moderation: { note: 'fixed a typo' } },
    })
    expect(decided.status).toBe(200)
    const doc = await stored(id)
    expect(doc.status).toBe('approved')
    expect(doc.body).toBe('Typo in the comment')
    expect(doc.moderation.decidedBy).toBe(String(moderator.id))
    expect(Date.now() - new Date(doc.moderation.decidedAt).getTime()).toBeLessThan(60_000)
    expect(doc.moderation.note).toBe('fixed a typo')
    expect(doc.moderation.reasons[0].code).toBe('pre_moderation')
    const after = await readArticle(app, article.id)
    expect(after.commentCount).toBe(1)
    expect(after.lastCommentAt).toBe(doc.createdAt)

    const versions = await app.payload.findVersions({ collection: 'comments', where: { parent: { equals: id } }, overrideAccess: true, limit: 50 } as any)
    expect(versions.docs.map((version: any) => version.version.body)).toContain('Typo in teh comment')
  })

  it('decides in bulk with PATCH and a where query', async () => {
    await setSettings(app, { mode: 'pre' })
    const article = await publishArticle(app)
    for (let i = 0; i < 4; i++) await postComment(app, { article: article.id, authorName: 'B', body: `Bulk ${i}` })
    const bulk = await app.rest(
      'PATCH',
      `/api/comments?where[article][equals]=${article.id}&where[status][equals]=pending`,
      { token: admin.token, body: { status: 'approved' } },
    )
    expect(bulk.status).toBe(200)
    expect(bulk.body.docs).toHaveLength(4)
    expect((await readArticle(app, article.id)).commentCount).toBe(4)
    const all = await app.payload.find({ collection: 'comments', where: { article: { equals: article.id } }, overrideAccess: true } as any)
    expect(all.docs.every((doc: any) => doc.moderation.decidedBy === String(admin.id))).toBe(true)
  })

  it('lets editors and authors read every comment but not decide', async () => {
    await setSettings(app, { mode: 'pre' })
    const article = await publishArticle(app)
    const created = await postComment(app, { article: article.id, authorName: 'E', body: 'Editors look' })
    for (const token of [editorToken, authorToken]) {
      const read = await app.rest('GET', `/api/comments/${created.body.doc.id}`, { token })
      expect(read.status).toBe(200)
      expect(read.body.status).toBe('pending')
      const decide = await app.rest('PATCH', `/api/comments/${created.body.doc.id}`, { token, body: { status: 'approved' } })
      expect(decide.status).toBe(403)
    }
    expect((await stored(created.body.doc.id)).status).toBe('pending')
  })

  it('trash and permanent deletion take comments out of the count', async () => {
    const article = await publishArticle(app)
    const a = await postComment(app, { article: article.id, authorName: 'A', body: 'First to go' })
    const b = await postComment(app, { article: article.id, authorName: 'B', body: 'Second to go' })
    expect((await readArticle(app, article.id)).commentCount).toBe(2)
    const trash = await app.rest('PATCH', `/api/comments/${a.body.doc.id}`, { token: moderator.token, body: { deletedAt: new Date().toISOString() } })
    expect(trash.status).toBe(200)
    const afterTrash = await readArticle(app, article.id)
    expect(afterTrash.commentCount).toBe(1)
    expect(afterTrash.lastCommentAt).toBe((await stored(b.body.doc.id)).createdAt)
    const remove = await app.rest('DELETE', `/api/comments/${b.body.doc.id}`, { token: moderator.token })
    expect(remove.status).toBe(200)
    const afterDelete = await readArticle(app, article.id)
    expect(afterDelete.commentCount).toBe(0)
    expect(afterDelete.lastCommentAt ?? null).toBeNull()
  })

  it('emails moderators about a held comment through the job', async () => {
    await setSettings(app, { mode: 'pre' })
    const article = await publishArticle(app)
    const created = await postComment(app, { article: article.id, authorName: 'J', body: 'Please look at me' })
    const sent: any[] = []
    const original = app.payload.sendEmail
    app.payload.sendEmail = (async (message: any) => {
      sent.push(message)
    }) as any
    try {
      await app.payload.jobs.run({ queue: 'newsroom', limit: 50 } as any)
    } finally {
      app.payload.sendEmail = original
    }
    const mine = sent.find((message) => message.text.includes('Please look at me'))
    expect(mine).toBeTruthy()
    expect(mine.to).toEqual(expect.arrayContaining(['moderator@example.com', 'admin@example.com']))
    expect(mine.to).not.toContain('editor@example.com')
    expect(mine.text).toContain('pre_moderation')
    expect(created.status).toBe(201)
  })
})
