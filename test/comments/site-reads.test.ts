/**
 * The public reads a site or a CDN hits: comment counts for lists, and conditional requests (ETag, 304,
 * Cache-Control) on the thread, the counts and the JSON-LD. Through REST, as a site calls them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'
import { postComment, publishArticle, setSettings } from './helpers'

let app: TestApp
let moderatorToken: string
let editorToken: string

beforeAll(async () => {
  app = await startTestApp({ label: 'comments_site_reads' })
  moderatorToken = (await app.userToken('moderator@example.com', ['moderator'])).token
  editorToken = (await app.userToken('editor@example.com', ['editor'])).token
})
afterAll(async () => app?.close())
beforeEach(async () => setSettings(app, {}))

const comment = async (article: number | string, body: string) => {
  const posted = await postComment(app, { article, authorName: 'Reader', body })
  expect(posted.status).toBe(201)
  return posted.body.doc as { id: number | string; status: string }
}

describe('GET /api/comments/counts', () => {
  it('counts approved comments of published articles; unknown and unpublished ids count 0', async () => {
    const busy = await publishArticle(app)
    const quiet = await publishArticle(app)
    const draft = await publishArticle(app)
    await comment(busy.id, 'first remark')
    await comment(busy.id, 'second remark')
    await setSettings(app, { mode: 'pre' })
    await comment(busy.id, 'held remark, not counted')
    await setSettings(app, {})
    await comment(draft.id, 'remark under a story that is then unpublished')
    await app.payload.update({ collection: 'articles', id: draft.id, data: { _status: 'draft' } as never, overrideAccess: true })

    const ids = [busy.id, quiet.id, draft.id, 999_999]
    const answer = await app.rest('GET', `/api/comments/counts?articles=${ids.join(',')}`)
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ counts: { [busy.id]: 2, [quiet.id]: 0, [draft.id]: 0, '999999': 0 } })
    // Staff get the public answer too: the endpoint serves lists on the public site.
    const asEditor = await app.rest('GET', `/api/comments/counts?articles=${ids.join(',')}`, { token: editorToken })
    expect(asEditor.body).toEqual(answer.body)
  })

  it('answers 400 with a clear message for no ids, ids that are not ids, and more than 100', async () => {
    const none = await app.rest('GET', '/api/comments/counts')
    expect(none.status).toBe(400)
    expect(none.body.errors[0].message).toMatch(/articles=1,2,3/)
    const bad = await app.rest('GET', '/api/comments/counts?articles=1,abc,%00')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toContain('abc')
    const many = Array.from({ length: 101 }, (_, i) => i + 1).join(',')
    const tooMany = await app.rest('GET', `/api/comments/counts?articles=${many}`)
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.errors[0].message).toContain('100')
    const zh = await app.rest('GET', '/api/comments/counts', { headers: { 'accept-language': 'zh-CN' } })
    expect(zh.body.errors[0].message).toContain('请指明')
    // exactly 100 is fine
    const hundred = await app.rest('GET', `/api/comments/counts?articles=${Array.from({ length: 100 }, (_, i) => i + 1).join(',')}`)
    expect(hundred.status).toBe(200)
  })

  it("keeps the count through an editor's save of the article (found by the model test: saves wrote the version's count back)", async () => {
    const article = await publishArticle(app)
    await comment(article.id, 'one')
    await comment(article.id, 'two')
    const saved = await app.rest('PATCH', `/api/articles/${article.id}`, { token: editorToken, body: { allowComments: false } })
    expect(saved.status).toBe(200)
    const autosaved = await app.rest('PATCH', `/api/articles/${article.id}?draft=true&autosave=true`, { token: editorToken, body: { excerpt: 'draft words' } })
    expect(autosaved.status).toBe(200)
    const counts = await app.rest('GET', `/api/comments/counts?articles=${article.id}`)
    expect(counts.body.counts[article.id]).toBe(2)
  })

  it('sends an ETag, answers a conditional request with 304, and a new one after a comment is approved', async () => {
    const article = await publishArticle(app)
    const path = `/api/comments/counts?articles=${article.id}`
    const first = await app.rest('GET', path)
    const tag = first.headers.get('etag')
    expect(tag).toMatch(/^W\/".+"$/)
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+, stale-while-revalidate=\d+/)
    const again = await app.rest('GET', path, { headers: { 'if-none-match': tag! } })
    expect(again.status).toBe(304)
    expect(again.body).toBeUndefined()
    await comment(article.id, 'a new approved remark')
    const changed = await app.rest('GET', path, { headers: { 'if-none-match': tag! } })
    expect(changed.status).toBe(200)
    expect(changed.body.counts[article.id]).toBe(1)
    expect(changed.headers.get('etag')).not.toBe(tag)
  })
})

describe('conditional thread reads: GET /api/articles/:id/comments', () => {
  it('answers 304 while the thread is unchanged, and 200 after each change a reader would see', async () => {
    await setSettings(app, { mode: 'pre' })
    const article = await publishArticle(app)
    const held = await comment(article.id, 'waiting for a moderator')
    const path = `/api/articles/${article.id}/comments?limit=20`
    const first = await app.rest('GET', path)
    expect(first.status).toBe(200)
    expect(first.body.docs).toHaveLength(0)
    let tag = first.headers.get('etag')!
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/)
    expect((await app.rest('GET', path, { headers: { 'if-none-match': tag } })).status).toBe(304)

    const expectChanged = async (what: string) => {
      const next = await app.rest('GET', path, { headers: { 'if-none-match': tag } })
      expect(next.status, what).toBe(200)
      expect(next.headers.get('etag'), what).not.toBe(tag)
      tag = next.headers.get('etag')!
      expect((await app.rest('GET', path, { headers: { 'if-none-match': tag } })).status, what).toBe(304)
      return next.body
    }
    // a moderator approves the held comment
    await app.rest('PATCH', `/api/comments/${held.id}`, { token: moderatorToken, body: { status: 'approved' } })
    expect((await expectChanged('approval')).docs.map((doc: any) => doc.body)).toEqual(['waiting for a moderator'])
    // a moderator edits its words
    await app.rest('PATCH', `/api/comments/${held.id}`, { token: moderatorToken, body: { body: 'edited by a moderator' } })
    expect((await expectChanged('edit')).docs[0].body).toBe('edited by a moderator')
    // a moderator features it
    await app.rest('PATCH', `/api/comments/${held.id}`, { token: moderatorToken, body: { featured: true } })
    expect((await expectChanged('featured')).docs[0].featured).toBe(true)
    // a moderator deletes it for good
    await app.rest('DELETE', `/api/comments/${held.id}`, { token: moderatorToken })
    expect((await expectChanged('delete')).docs).toHaveLength(0)
    // another page is another answer
    const page2 = await app.rest('GET', `${path}&page=2`, { headers: { 'if-none-match': tag } })
    expect(page2.status).toBe(200)
  })

  it('keeps answers to logged-in callers private', async () => {
    const article = await publishArticle(app)
    const staff = await app.rest('GET', `/api/articles/${article.id}/comments`, { token: editorToken })
    expect(staff.status).toBe(200)
    expect(staff.headers.get('cache-control')).toBe('private, no-cache')
  })

  it('answers 404, never 500, for ids that cannot be ids', async () => {
    for (const id of ['not-a-number', '%00', '1.5', '-1', '99999999999999999999']) {
      const thread = await app.rest('GET', `/api/articles/${id}/comments`)
      expect(thread.status, id).toBe(404)
      const report = await app.rest('POST', `/api/comments/${id}/report`, { body: { reason: 'spam' }, headers: { 'x-forwarded-for': '203.0.113.9' } })
      expect(report.status, id).toBe(404)
    }
  })

  it('answers 404, never 500, for impossible ids on every collection route (PostgreSQL would fail the query)', async () => {
    for (const id of ['not-a-number', '%00', '1e3', '12abc']) {
      for (const collection of ['comments', 'articles', 'sources', 'media', 'users']) {
        const read = await app.rest('GET', `/api/${collection}/${id}`, { token: editorToken })
        expect(read.status, `GET ${collection}/${id}`).toBe(404)
      }
      expect((await app.rest('PATCH', `/api/comments/${id}`, { token: moderatorToken, body: { status: 'approved' } })).status).toBe(404)
      expect((await app.rest('DELETE', `/api/comments/${id}`, { token: moderatorToken })).status).toBe(404)
      expect((await app.rest('GET', `/api/comments/${id}`)).status).toBe(404)
    }
    // a real id still reads
    const article = await publishArticle(app)
    expect((await app.rest('GET', `/api/articles/${article.id}`)).status).toBe(200)
  })
})

describe('conditional JSON-LD reads: GET /api/articles/:id/jsonld', () => {
  it('sends an ETag, 304 while unchanged, 200 after the article changes', async () => {
    const article = await publishArticle(app, { title: 'Before the edit' })
    const path = `/api/articles/${article.id}/jsonld`
    const first = await app.rest('GET', path)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toContain('application/ld+json')
    const tag = first.headers.get('etag')!
    expect((await app.rest('GET', path, { headers: { 'if-none-match': tag } })).status).toBe(304)
    await app.rest('PATCH', `/api/articles/${article.id}`, { token: editorToken, body: { title: 'After the edit' } })
    const changed = await app.rest('GET', path, { headers: { 'if-none-match': tag } })
    expect(changed.status).toBe(200)
    expect(changed.body.headline).toBe('After the edit')
    expect((await app.rest('GET', '/api/articles/not-a-number/jsonld')).status).toBe(404)
  })
})
