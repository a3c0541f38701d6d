/**
 * The host's fast path for conditional public reads (src/host/conditionalReads.ts): through HTTP against the Express
 * host, with Payload's own REST handler behind it where Next would be (what the Next API route calls). Counting the
 * requests that reach that handler tells which path answered.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createHostApp } from '../../src/host/app'
import { startTestApp, type TestApp } from '../helpers/app'
import { postComment, publishArticle, setSettings } from '../comments/helpers'

let app: TestApp
let server: Server
let base: string
let editorToken: string
/** Requests the fast path left to the normal path (Next, here Payload's REST handler). */
let reachedEndpoint = 0

const restHandler = async (req: IncomingMessage, res: ServerResponse) => {
  reachedEndpoint++
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item)
  }
  const response = await handleEndpoints({
    config: app.config,
    request: new Request(`http://localhost${req.url}`, { method: req.method, headers }),
  } as Parameters<typeof handleEndpoints>[0])
  const bytes = Buffer.from(await response.arrayBuffer())
  res.statusCode = response.status
  response.headers.forEach((value, name) => res.setHeader(name, value))
  res.end(bytes)
}

beforeAll(async () => {
  app = await startTestApp({ label: 'host_conditional_reads' })
  editorToken = (await app.userToken('editor@example.com', ['editor'])).token
  server = createHostApp({ getPayload: async () => app.payload, nextHandler: restHandler }).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.close()
  await app?.close()
})
beforeEach(async () => setSettings(app, {}))

const get = async (path: string, headers: Record<string, string> = {}) => {
  // anonymous reads go to the replica when the suite runs with one: read after it has replayed the test's writes
  await app.replicaCaughtUp()
  const before = reachedEndpoint
  const response = await fetch(`${base}${path}`, { headers })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, viaEndpoint: reachedEndpoint > before }
}
const caching = (headers: Headers) => ({ etag: headers.get('etag'), cacheControl: headers.get('cache-control'), vary: headers.get('vary') })

const comment = async (article: number | string, body: string) => {
  const posted = await postComment(app, { article, authorName: 'Reader', body })
  expect(posted.status).toBe(201)
  expect(posted.body.doc.status).toBe('approved')
}

describe('anonymous conditional reads answered 304 by the host', () => {
  it('the thread: 304 with the same ETag, Cache-Control and Vary as the 200, without reaching the endpoint', async () => {
    const article = await publishArticle(app)
    await comment(article.id, 'first remark')
    const path = `/api/articles/${article.id}/comments?limit=5&order=oldest`
    const full = await get(path)
    expect(full.status).toBe(200)
    expect(full.viaEndpoint).toBe(true)
    expect(full.body.docs.map((doc: any) => doc.body)).toEqual(['first remark'])
    const tag = full.headers.get('etag')!
    expect(tag).toMatch(/^W\/".+"$/)

    const again = await get(path, { 'if-none-match': tag })
    expect(again.status).toBe(304)
    expect(again.viaEndpoint).toBe(false)
    expect(caching(again.headers)).toEqual(caching(full.headers))
    expect(caching(again.headers).cacheControl).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/)
    // one of several tags, and the strong form of the weak tag, still name the current version
    expect((await get(path, { 'if-none-match': `W/"old", ${tag.replace(/^W\//, '')}` })).status).toBe(304)
    // another page or order is another answer: the endpoint renders it
    const other = await get(`/api/articles/${article.id}/comments?limit=5`, { 'if-none-match': tag })
    expect(other.status).toBe(200)
    expect(other.viaEndpoint).toBe(true)
  })

  it('after a new approved comment the old ETag gets 200 with the new thread, not a stale 304', async () => {
    const article = await publishArticle(app)
    await comment(article.id, 'one')
    const path = `/api/articles/${article.id}/comments`
    const first = await get(path)
    const tag = first.headers.get('etag')!
    expect((await get(path, { 'if-none-match': tag })).status).toBe(304)
    await comment(article.id, 'two')
    const changed = await get(path, { 'if-none-match': tag })
    expect(changed.status).toBe(200)
    expect(changed.body.docs.map((doc: any) => doc.body)).toEqual(['two', 'one'])
    expect(changed.headers.get('etag')).not.toBe(tag)
    // and the new tag is the one the fast path then honours
    const newer = await get(path, { 'if-none-match': changed.headers.get('etag')! })
    expect(newer.status).toBe(304)
    expect(newer.viaEndpoint).toBe(false)
  })

  it("a draft article's thread is 404 even with the tag it had while published, or `*`", async () => {
    const article = await publishArticle(app)
    await comment(article.id, 'remark under a story about to be unpublished')
    const path = `/api/articles/${article.id}/comments`
    const tag = (await get(path)).headers.get('etag')!
    expect((await get(path, { 'if-none-match': tag })).status).toBe(304)
    await app.payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } as never, overrideAccess: true })
    for (const guess of [tag, '*']) {
      const hidden = await get(path, { 'if-none-match': guess })
      expect(hidden.status, guess).toBe(404)
      expect(hidden.viaEndpoint).toBe(true)
    }
    // bad and unknown ids fall through too: the endpoint answers them
    expect((await get('/api/articles/abc/comments', { 'if-none-match': '*' })).status).toBe(404)
    expect((await get('/api/articles/99999999/comments', { 'if-none-match': '*' })).status).toBe(404)
  })

  it('a logged-in caller never gets the public fast path: the endpoint answers, privately', async () => {
    const article = await publishArticle(app)
    await comment(article.id, 'remark')
    const path = `/api/articles/${article.id}/comments`
    const tag = (await get(path)).headers.get('etag')!
    const logins: Array<Record<string, string>> = [{ authorization: `JWT ${editorToken}` }, { cookie: `theme=dark; payload-token=${editorToken}` }]
    for (const login of logins) {
      const staff = await get(path, { 'if-none-match': tag, ...login })
      expect(staff.viaEndpoint, Object.keys(login)[0]).toBe(true)
      expect(staff.headers.get('cache-control'), Object.keys(login)[0]).toBe('private, no-cache')
    }
  })

  it('the counts: 304 from the host while they hold, 200 with the new counts after a comment, 400 for bad ids', async () => {
    const article = await publishArticle(app)
    const draft = await publishArticle(app)
    await app.payload.update({ collection: 'articles', id: draft.id, data: { _status: 'draft' } as never, overrideAccess: true })
    const path = `/api/comments/counts?articles=${article.id},${draft.id}`
    const first = await get(path)
    expect(first.body).toEqual({ counts: { [article.id]: 0, [draft.id]: 0 } })
    const tag = first.headers.get('etag')!
    const again = await get(path, { 'if-none-match': tag })
    expect(again.status).toBe(304)
    expect(again.viaEndpoint).toBe(false)
    expect(caching(again.headers)).toEqual(caching(first.headers))
    await comment(article.id, 'counted')
    const changed = await get(path, { 'if-none-match': tag })
    expect(changed.status).toBe(200)
    expect(changed.body.counts[article.id]).toBe(1)
    const bad = await get('/api/comments/counts?articles=1,abc', { 'if-none-match': '*' })
    expect(bad.status).toBe(400)
  })
})
