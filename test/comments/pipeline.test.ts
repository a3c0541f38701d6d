import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'
import { errorCode, fieldPaths, freshIp, postComment, publishArticle, readArticle, setSettings, withinOneFloodWindow } from './helpers'

let app: TestApp
let article: { id: number | string }
let moderatorToken: string
let editorToken: string

beforeAll(async () => {
  app = await startTestApp({ label: 'comments_pipeline' })
  article = await publishArticle(app)
  moderatorToken = (await app.userToken('mod@example.com', ['moderator'])).token
  editorToken = (await app.userToken('editor@example.com', ['editor'])).token
})
afterAll(async () => app?.close())
beforeEach(async () => setSettings(app, {}))

const stored = async (id: number | string) =>
  (await app.payload.findByID({ collection: 'comments', id, depth: 0, overrideAccess: true })) as Record<string, any>
const countComments = async () => (await app.payload.count({ collection: 'comments', overrideAccess: true })).totalDocs

describe('phase 1: length and emptiness → 400 naming the field', () => {
  it.each([
    ['empty body', { authorName: 'A', body: '' }, 'body'],
    ['blank body', { authorName: 'A', body: '   \n\t ' }, 'body'],
    ['invisible-only body', { authorName: 'A', body: '\u200b\u200d\ufeff\u2060' }, 'body'],
    ['body over 5000 characters', { authorName: 'A', body: '字'.repeat(5001) }, 'body'],
    ['guest without a name', { body: 'Hello' }, 'authorName'],
    ['name over 60 characters', { authorName: 'n'.repeat(61), body: 'Hello' }, 'authorName'],
    ['malformed email', { authorName: 'A', authorEmail: 'not-an-email', body: 'Hello' }, 'authorEmail'],
  ])('%s', async (_label, data, field) => {
    const before = await countComments()
    const response = await postComment(app, { article: article.id, ...data })
    expect(response.status).toBe(400)
    expect(fieldPaths(response)).toContain(field)
    expect(await countComments()).toBe(before)
  })

  it('accepts exactly 5000 characters (counted after trimming) and stores the body as sent', async () => {
    const body = `  ${'好'.repeat(5000)}\u200b  `
    const response = await postComment(app, { article: article.id, authorName: 'Long', body })
    expect(response.status).toBe(201)
    expect((await stored(response.body.doc.id)).body).toBe(body)
  })

  it('keeps markup as plain text', async () => {
    const body = '<b>bold</b> & <script>alert(1)</script>'
    const response = await postComment(app, { article: article.id, authorName: 'Markup', body })
    expect(response.status).toBe(201)
    expect(response.body.doc.body).toBe(body)
  })

  it('requires an email when the settings say so', async () => {
    await setSettings(app, { requireEmail: true })
    const without = await postComment(app, { article: article.id, authorName: 'A', body: 'Needs email' })
    expect(without.status).toBe(400)
    expect(fieldPaths(without)).toContain('authorEmail')
    const withEmail = await postComment(app, { article: article.id, authorName: 'A', authorEmail: 'a@example.com', body: 'Needs email' })
    expect(withEmail.status).toBe(201)
  })

  it('names the missing article', async () => {
    const response = await postComment(app, { authorName: 'A', body: 'Where?' })
    expect(response.status).toBe(400)
    expect(fieldPaths(response)).toContain('article')
  })
})

describe('phase 2: the article must be open → 403', () => {
  it('refuses comments on a draft', async () => {
    const draft = await publishArticle(app, { _status: 'draft' })
    const response = await postComment(app, { article: draft.id, authorName: 'A', body: 'Early bird' })
    expect(response.status).toBe(403)
    expect(errorCode(response)).toBe('article.not_published')
  })

  it('refuses when comments are turned off', async () => {
    const off = await publishArticle(app, { allowComments: false })
    const response = await postComment(app, { article: off.id, authorName: 'A', body: 'Hello' })
    expect(response.status).toBe(403)
    expect(errorCode(response)).toBe('article.comments_disabled')
    expect(response.body.errors[0].message).toMatch(/turned off/)
  })

  it('refuses after commentsCloseAt', async () => {
    const closed = await publishArticle(app, { commentsCloseAt: new Date(Date.now() - 60_000).toISOString() })
    const response = await postComment(app, { article: closed.id, authorName: 'A', body: 'Too late' })
    expect(response.status).toBe(403)
    expect(errorCode(response)).toBe('article.closed')
  })

  it('refuses closeAfterDays after publishing, and says so in Chinese to a Chinese reader', async () => {
    const old = await publishArticle(app)
    await app.payload.db.updateOne({ collection: 'articles', id: old.id, data: { publishedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() } } as any)
    await setSettings(app, { closeAfterDays: 7 })
    const response = await postComment(app, { article: old.id, authorName: '读者', body: '还能评论吗' }, { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } })
    expect(response.status).toBe(403)
    expect(response.body.errors[0].message).toBe('本文评论已关闭。')
    await setSettings(app, { closeAfterDays: 30 })
    expect((await postComment(app, { article: old.id, authorName: '读者', body: '还能评论吗' })).status).toBe(201)
  })

  it("tells the site's form whether an article takes comments now, with the form token", async () => {
    const token = (article?: string | number, headers: Record<string, string> = {}) =>
      app.rest('GET', `/api/comments/form-token${article === undefined ? '' : `?article=${article}`}`, { headers })
    const open = await publishArticle(app)
    const plain = await token()
    expect(plain.status).toBe(200)
    expect(plain.body).not.toHaveProperty('open')
    expect((await token(open.id)).body).toMatchObject({ open: true, tokenField: expect.any(String) })
    expect((await token(open.id)).body).not.toHaveProperty('closed')

    // closed by its own date, by the settings' closeAfterDays (as a cached page would not know), or turned off
    const closing = await publishArticle(app, { commentsCloseAt: new Date(Date.now() - 60_000).toISOString() })
    expect((await token(closing.id)).body).toMatchObject({ open: false, closed: { code: 'article.closed' } })
    await app.payload.db.updateOne({ collection: 'articles', id: open.id, data: { publishedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() } } as any)
    await setSettings(app, { closeAfterDays: 7 })
    const late = await token(open.id, { 'accept-language': 'zh-CN,zh;q=0.9' })
    expect(late.body).toMatchObject({ open: false, closed: { code: 'article.closed', message: '本文评论已关闭。' } })
    await setSettings(app, {})
    expect((await token(open.id)).body.open).toBe(true)
    const off = await publishArticle(app, { allowComments: false })
    expect((await token(off.id)).body.closed.code).toBe('article.comments_disabled')

    // a draft is not the public's: the same answer as an unknown id; a malformed id is 400
    const draft = await publishArticle(app, { _status: 'draft' })
    expect((await token(draft.id)).body).toMatchObject({ open: false, closed: { code: 'article.not_found' } })
    expect((await token(999999)).body).toMatchObject({ open: false, closed: { code: 'article.not_found' } })
    const malformed = await token('abc')
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0].message).toMatch(/article/i)
  })

  it('answers 400 for an article that does not exist', async () => {
    const response = await postComment(app, { article: 999999, authorName: 'A', body: 'Ghost' })
    expect(response.status).toBe(400)
    expect(fieldPaths(response)).toContain('article')
  })
})

describe('phase 3: the parent must be an approved comment of the same article → 400', () => {
  it('threads replies and refuses bad parents', async () => {
    const top = await postComment(app, { article: article.id, authorName: 'Top', body: 'Top comment' })
    const reply = await postComment(app, { article: article.id, parent: top.body.doc.id, authorName: 'R', body: 'A reply' })
    expect(reply.status).toBe(201)
    expect(reply.body.doc.parent).toBe(top.body.doc.id)

    const other = await publishArticle(app)
    const wrongArticle = await postComment(app, { article: other.id, parent: top.body.doc.id, authorName: 'R', body: 'Wrong place' })
    expect(wrongArticle.status).toBe(400)
    expect(fieldPaths(wrongArticle)).toContain('parent')

    await setSettings(app, { mode: 'pre' })
    const held = await postComment(app, { article: article.id, authorName: 'H', body: 'Held one' })
    await setSettings(app, {})
    const toHeld = await postComment(app, { article: article.id, parent: held.body.doc.id, authorName: 'R', body: 'Reply to held' })
    expect(toHeld.status).toBe(400)

    const missing = await postComment(app, { article: article.id, parent: 999999, authorName: 'R', body: 'Reply to nothing' })
    expect(missing.status).toBe(400)
    expect(fieldPaths(missing)).toContain('parent')
  })

  it('attaches replies deeper than five levels at the fifth level', async () => {
    let parent: number | string | undefined
    const ids: Array<number | string> = []
    for (let level = 0; level <= 6; level++) {
      const response = await postComment(app, { article: article.id, parent, authorName: `L${level}`, body: `Level ${level} of a long thread` })
      expect(response.status).toBe(201)
      ids.push(response.body.doc.id)
      parent = response.body.doc.id
    }
    // levels 0..5 nest; the reply to level 5 and the reply to that both hang under level 4 (so they sit at level 5)
    expect((await stored(ids[5]!)).parent).toBe(ids[4])
    expect((await stored(ids[6]!)).parent).toBe(ids[4])
  })
})

describe('phase 4: duplicates → 409', () => {
  it('refuses the same normalised body from the same address on the same article', async () => {
    const ip = freshIp()
    const first = await postComment(app, { article: article.id, authorName: 'D', body: 'Great article!' }, { ip })
    expect(first.status).toBe(201)
    const again = await postComment(app, { article: article.id, authorName: 'D', body: '  GREAT   article!!  ' }, { ip })
    expect(again.status).toBe(409)
    expect(errorCode(again)).toBe('comment.duplicate')
    // another reader may say the same thing, and the same reader may say it under another article
    expect((await postComment(app, { article: article.id, authorName: 'E', body: 'Great article!' })).status).toBe(201)
    const other = await publishArticle(app)
    expect((await postComment(app, { article: other.id, authorName: 'D', body: 'Great article!' }, { ip })).status).toBe(201)
  })

  it('matches by email across addresses', async () => {
    const body = { article: article.id, authorName: 'M', authorEmail: 'Same@Example.com', body: 'Email duplicate' }
    expect((await postComment(app, body)).status).toBe(201)
    expect((await postComment(app, { ...body, authorEmail: 'same@example.com' })).status).toBe(409)
  })
})

describe('phase 5: flood → 429 with Retry-After', () => {
  it('allows floodLimitPerMinute comments from one address, then refuses with Retry-After', async () => {
    await setSettings(app, { floodLimitPerMinute: 3 })
    const ip = freshIp()
    const statuses: number[] = []
    let last: any
    for (let i = 0; i < 5; i++) {
      last = await postComment(app, { article: article.id, authorName: 'F', body: `Flood number ${i}` }, { ip })
      statuses.push(last.status)
    }
    // a minute boundary may reset the window mid-test; at least one of the last two must be refused
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201])
    expect(statuses.slice(3)).toContain(429)
    const refused = last.status === 429 ? last : undefined
    if (refused) {
      const retryAfter = Number(refused.headers.get('retry-after'))
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(60)
      expect(refused.body.errors[0].message).toMatch(/too fast/)
    }
    // another address is not affected
    expect((await postComment(app, { article: article.id, authorName: 'G', body: 'Different reader' })).status).toBe(201)
  })

  it('counts refused attempts too: a duplicate (409) uses up one of the minute\'s comments', async () => {
    await setSettings(app, { floodLimitPerMinute: 3 })
    await withinOneFloodWindow()
    const ip = freshIp()
    const post = (body: string) => postComment(app, { article: article.id, authorName: 'R', body }, { ip })
    const statuses = [(await post('Said once')).status, (await post('Said once')).status, (await post('Said twice')).status]
    const fourth = await post('Said three times')
    expect([...statuses, fourth.status]).toEqual([201, 409, 201, 429])
    expect(fourth.headers.get('retry-after')).toBeTruthy()
  })

  it('counts in the database KV store atomically, one entry per identity', async () => {
    const { databaseFloodCounter } = await import('../../src/comments/floodDatabase')
    const counter = databaseFloodCounter(app.payload)
    expect(counter).toBeTruthy()
    const counts = await Promise.all(Array.from({ length: 10 }, () => counter!('flood:test:atomic', 42)))
    expect([...counts].sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(await counter!('flood:test:atomic', 43)).toBe(1)
    expect(await app.payload.kv.get('flood:test:atomic')).toEqual({ window: 43, count: 1 })
  })

  it('a job removes past minutes\' counters from the database KV store and keeps the current ones', async () => {
    const { floodWindow } = await import('../../src/comments/flood')
    const { window } = floodWindow(Date.now())
    await app.payload.kv.set('flood:ip:sweep-old', { window: window - 3, count: 4 })
    await app.payload.kv.set('flood:ip:sweep-now', { window: window + 1, count: 2 })
    await app.payload.kv.set('not-a-flood-key', { window: 0 })
    await app.payload.kv.set('flood:someone-elses', { window: 'not a number' })
    await app.payload.jobs.queue({ task: 'sweepFloodCounters' as never, input: {} as never, queue: 'newsroom' })
    await app.payload.jobs.run({ queue: 'newsroom' })
    expect(await app.payload.kv.get('flood:ip:sweep-old')).toBeNull()
    expect(await app.payload.kv.get('flood:ip:sweep-now')).toEqual({ window: window + 1, count: 2 })
    expect(await app.payload.kv.get('not-a-flood-key')).toEqual({ window: 0 })
    expect(await app.payload.kv.get('flood:someone-elses')).toEqual({ window: 'not a number' })
  })

  it('exempts staff', async () => {
    await setSettings(app, { floodLimitPerMinute: 1 })
    const ip = freshIp()
    for (let i = 0; i < 3; i++) {
      const response = await postComment(app, { article: article.id, body: `Staff note ${i}` }, { ip, token: editorToken })
      expect(response.status).toBe(201)
    }
  })
})

describe('phases 6–11: decisions', () => {
  it('rejects blocked authors by email and by ipHash, and tells them why', async () => {
    const ip = freshIp()
    const probe = await postComment(app, { article: article.id, authorName: 'B', body: 'Probe for my hash' }, { ip })
    const ipHash = (await stored(probe.body.doc.id)).ipHash
    await setSettings(app, { blockedAuthors: ['Troll@Example.com', ipHash] })
    const byEmail = await postComment(app, { article: article.id, authorName: 'T', authorEmail: 'troll@example.com', body: 'I am back' })
    expect(byEmail.status).toBe(201)
    expect(byEmail.body.outcome).toMatchObject({ status: 'rejected', code: 'comment.rejected.blocked_author' })
    expect((await stored(byEmail.body.doc.id)).status).toBe('rejected')
    const byIp = await postComment(app, { article: article.id, authorName: 'B', body: 'Back again' }, { ip })
    expect(byIp.body.outcome.status).toBe('rejected')
    expect((await stored(byIp.body.doc.id)).moderation.reasons[0].code).toBe('blocked_author')
  })

  it('approves staff comments even in pre-moderation, and records authorUser from the login', async () => {
    await setSettings(app, { mode: 'pre', bannedTerms: ['forbidden'] })
    const { token, id } = await app.userToken('staff-writer@example.com', ['editor'])
    const response = await postComment(app, { article: article.id, body: 'Editor here', authorUser: 999 }, { token })
    expect(response.body.outcome.status).toBe('approved')
    const doc = await stored(response.body.doc.id)
    expect(doc.status).toBe('approved')
    expect(doc.authorUser).toBe(id)
    expect(doc.moderation.reasons[0].code).toBe('staff')
  })

  it('maps the engine verdict: banned → rejected, spam → spam (answered as pending), suspect/links → pending', async () => {
    await setSettings(app, { bannedTerms: ['badword'], spamTerms: ['casino'], suspectTerms: ['idiot'], maxLinks: 1 })
    const banned = await postComment(app, { article: article.id, authorName: 'A', body: 'you are a b.a.d.w.o.r.d' })
    expect(banned.body.outcome).toMatchObject({ status: 'rejected', code: 'comment.rejected.banned_term' })
    const bannedDoc = await stored(banned.body.doc.id)
    expect(bannedDoc.status).toBe('rejected')
    expect(bannedDoc.moderation.reasons.some((r: any) => r.code === 'banned_term' && r.term === 'badword')).toBe(true)

    const spam = await postComment(app, { article: article.id, authorName: 'S', body: 'Best casino bonus today' })
    expect(spam.status).toBe(201)
    expect(spam.body.outcome).toMatchObject({ status: 'pending', code: 'comment.pending' })
    expect(spam.body.doc.status).toBe('pending')
    expect(JSON.stringify(spam.body)).not.toMatch(/spam/)
    expect((await stored(spam.body.doc.id)).status).toBe('spam')

    const suspect = await postComment(app, { article: article.id, authorName: 'X', body: 'What an idiot take' })
    expect(suspect.body.outcome.status).toBe('pending')
    const suspectDoc = await stored(suspect.body.doc.id)
    expect(suspectDoc.status).toBe('pending')
    expect(suspectDoc.moderation.reasons[0]).toMatchObject({ code: 'suspect_term', })

    const links = await postComment(app, { article: article.id, authorName: 'L', body: 'see https://a.example.org and https://b.example.org' })
    expect((await stored(links.body.doc.id)).moderation.reasons[0].code).toBe('too_many_links')
    expect(links.body.outcome.status).toBe('pending')
  })

  it('holds new commenters until they have an approved comment', async () => {
    await setSettings(app, { holdNewCommenters: true })
    const email = 'newbie@example.com'
    const first = await postComment(app, { article: article.id, authorName: 'N', authorEmail: email, body: 'My first words' })
    expect(first.body.outcome.status).toBe('pending')
    expect((await stored(first.body.doc.id)).moderation.reasons[0].code).toBe('new_commenter')
    const approve = await app.rest('PATCH', `/api/comments/${first.body.doc.id}`, { token: moderatorToken, body: { status: 'approved' } })
    expect(approve.status).toBe(200)
    const second = await postComment(app, { article: article.id, authorName: 'N', authorEmail: email, body: 'Back with more' })
    expect(second.body.outcome.status).toBe('approved')
  })

  it('holds everything in pre mode and publishes what passes in post mode; changes apply at once', async () => {
    await setSettings(app, { mode: 'pre' })
    const held = await postComment(app, { article: article.id, authorName: 'P', body: 'Pre mode comment' })
    expect(held.body.outcome.status).toBe('pending')
    expect((await stored(held.body.doc.id)).moderation.reasons[0].code).toBe('pre_moderation')
    expect(held.body.message).toMatch(/waiting for review/)
    await setSettings(app, { mode: 'post' })
    const passed = await postComment(app, { article: article.id, authorName: 'P', body: 'Post mode comment' })
    expect(passed.body.outcome.status).toBe('approved')
    // a term added a moment ago applies to the very next comment
    await setSettings(app, { bannedTerms: ['freshterm'] })
    const fresh = await postComment(app, { article: article.id, authorName: 'P', body: 'this has freshterm inside' })
    expect(fresh.body.outcome.status).toBe('rejected')
  })

  it('answers in Chinese to a Chinese reader', async () => {
    await setSettings(app, { mode: 'pre' })
    const response = await postComment(app, { article: article.id, authorName: '读者', body: '写得很好' }, { headers: { 'accept-language': 'zh-CN' } })
    expect(response.body.message).toBe('感谢评论，审核通过后显示。')
  })
})

describe('guests cannot set protected fields', () => {
  it('discards status, moderation, reports, featured, ipHash and authorUser from a guest', async () => {
    await setSettings(app, { mode: 'pre' })
    const response = await postComment(app, {
      article: article.id,
      authorName: 'Sneaky',
      body: 'Let me in',
      status: 'approved',
      featured: true,
      ipHash: 'forged',
      userAgentHash: 'forged',
      authorUser: 1,
      reports: [],
      reportCount: -5,
      moderation: { verdict: 'approve', decidedBy: 'system', reasons: [{ code: 'staff' }] },
    })
    expect(response.status).toBe(201)
    const doc = await stored(response.body.doc.id)
    expect(doc.status).toBe('pending')
    expect(doc.featured).toBe(false)
    expect(doc.ipHash).not.toBe('forged')
    expect(doc.ipHash).toMatch(/^[0-9a-f]{32}$/)
    expect(doc.userAgentHash).not.toBe('forged')
    expect(doc.authorUser ?? null).toBeNull()
    expect(doc.reportCount).toBe(0)
    expect(doc.moderation.reasons[0].code).toBe('pre_moderation')
    expect(JSON.stringify(doc)).not.toContain('198.51.')
  })

  it('does not let a guest change a comment', async () => {
    const created = await postComment(app, { article: article.id, authorName: 'G', body: 'Mine' })
    const patch = await app.rest('PATCH', `/api/comments/${created.body.doc.id}`, { body: { status: 'rejected', body: 'changed' } })
    expect(patch.status).toBe(403)
  })
})

describe('bot signals', () => {
  it('keeps honeypot submissions as spam and answers "waiting for review"', async () => {
    const response = await postComment(app, { article: article.id, authorName: 'Bot', body: 'Buy now', website: 'http://spam.example' })
    expect(response.status).toBe(201)
    expect(response.body.outcome.status).toBe('pending')
    const doc = await stored(response.body.doc.id)
    expect(doc.status).toBe('spam')
    expect(doc.moderation.reasons[0].code).toBe('honeypot')
  })

  it('issues a form token and enforces the minimum time to submit', async () => {
    await setSettings(app, { minSecondsToSubmit: 2 })
    const noToken = await postComment(app, { article: article.id, authorName: 'A', body: 'No token' })
    expect(noToken.status).toBe(400)
    expect(fieldPaths(noToken)).toContain('formToken')
    const forged = await postComment(app, { article: article.id, authorName: 'A', body: 'Forged', formToken: `${Date.now() - 10_000}.deadbeef` })
    expect(forged.status).toBe(400)

    const form = await app.rest('GET', '/api/comments/form-token')
    expect(form.status).toBe(200)
    expect(form.body).toMatchObject({ minSecondsToSubmit: 2, tokenField: 'formToken', honeypotField: 'website' })
    const fast = await postComment(app, { article: article.id, authorName: 'A', body: 'Too quick', formToken: form.body.token })
    expect(fast.body.outcome.status).toBe('pending')
    expect((await stored(fast.body.doc.id)).moderation.reasons[0].code).toBe('too_fast')

    const [issued, mac] = String(form.body.token).split('.')
    expect(mac).toBeTruthy()
    // a token fetched earlier passes: sign an older time through the endpoint's own secret
    const { issueFormToken } = await import('../../src/comments/identity')
    const older = issueFormToken(app.payload.secret, Number(issued) - 5_000)
    const patient = await postComment(app, { article: article.id, authorName: 'A', body: 'Took my time', formToken: older })
    expect(patient.body.outcome.status).toBe('approved')
  })
})

describe('edits', () => {
  it('runs the pipeline again when the author edits an approved comment', async () => {
    const { token } = await app.userToken('writer-reader@example.com', ['author'])
    await setSettings(app, { bannedTerms: ['nastyword'] })
    const created = await postComment(app, { article: article.id, authorName: 'Au', body: 'Nice and clean' }, { token })
    expect(created.body.outcome.status).toBe('approved')
    const edit = await app.rest('PATCH', `/api/comments/${created.body.doc.id}`, { token, body: { body: 'now with nastyword' } })
    expect(edit.status).toBe(200)
    const doc = await stored(created.body.doc.id)
    expect(doc.status).toBe('rejected')
    expect(doc.editedAt).toBeTruthy()
    // an author cannot decide on their own comment, nor move it
    const other = await publishArticle(app)
    const self = await app.rest('PATCH', `/api/comments/${created.body.doc.id}`, { token, body: { status: 'approved', article: other.id } })
    expect([200, 403]).toContain(self.status)
    const after = await stored(created.body.doc.id)
    expect(after.status).toBe('rejected')
    expect(after.article).toBe(article.id)
    // nor anybody else's
    const strangers = await postComment(app, { article: article.id, authorName: 'S', body: 'Not yours' })
    const foreign = await app.rest('PATCH', `/api/comments/${strangers.body.doc.id}`, { token, body: { body: 'mine now' } })
    expect(foreign.status).toBe(403)
  })
})
