import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { CONTENT_EVENT_TYPES, onContentEvent, OUTBOX_QUEUE, type ContentEvent } from '../../src/outbox'
import { REVALIDATE_HEADER } from '../../src/site/revalidateSecret'
import { postComment, setSettings } from '../comments/helpers'
import { haiwaiSource, staff, type Newsroom } from '../collections/fixtures'
import { startTestApp, type TestApp } from '../helpers/app'

/** A stand-in for the reader site's POST /revalidate: records what it is told. */
const siteCalls: { secret: string | undefined; body: any }[] = []
const site = http.createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    siteCalls.push({ secret: req.headers[REVALIDATE_HEADER] as string | undefined, body: JSON.parse(body) })
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}')
  })
})

let app: TestApp
let users: Newsroom
let sectionId: number | string
const seen: ContentEvent[] = []
let stopListening: () => void

const outboxRows = async () =>
  (await app.payload.find({ collection: 'payload-jobs', where: { queue: { equals: OUTBOX_QUEUE } }, limit: 100, overrideAccess: true })).docs as any[]

/** Runs the outbox (what the server does every second and after each write) and returns the events consumers got. */
const dispatch = async () => {
  seen.length = 0
  await app.payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 100 })
  const events = [...seen]
  seen.length = 0
  return events
}

beforeAll(async () => {
  process.env.SITE_REVALIDATE_SECRET = 'test-revalidate-secret'
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  const port = (site.address() as AddressInfo).port
  app = await startTestApp({ label: 'outbox', plugin: { siteUrl: 'https://news.example.cn', siteRevalidateUrl: `http://127.0.0.1:${port}/revalidate` } })
  users = await staff(app)
  stopListening = onContentEvent({ name: 'test-recorder', handle: (event) => void seen.push(event) })
  const section = await app.rest('POST', '/api/sections', { token: users.editor, body: { name: '国际新闻' } })
  expect(section.status, JSON.stringify(section.body)).toBe(201)
  sectionId = section.body.doc.id
})
afterAll(async () => {
  stopListening?.()
  await app?.close()
  site.close()
  delete process.env.SITE_REVALIDATE_SECRET
})
beforeEach(async () => {
  await dispatch()
  siteCalls.length = 0
})

describe('the outbox: content events recorded with the change, dispatched after commit', () => {
  it('announces a publish once committed, with the site told the article page and lists to revalidate', async () => {
    const response = await app.rest('POST', '/api/articles', {
      token: users.editor,
      body: { title: '外滩的夜', origin: 'original', section: sectionId, _status: 'published' },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const { id, slug } = response.body.doc
    // Recorded, not yet sent: the job row is in the database with the article.
    const rows = await outboxRows()
    expect(rows.map((row) => row.input.event.type)).toContain('article.published')
    expect(seen).toEqual([])

    const events = await dispatch()
    const published = events.find((event) => event.type === 'article.published')!
    expect(published).toMatchObject({
      type: 'article.published',
      data: { collection: 'articles', id, slug, paths: ['/', `/articles/${slug}`] },
    })
    expect(published.data.tags).toEqual(expect.arrayContaining(['articles', `article:${slug}`, `comments:${id}`]))
    expect(Object.keys(published).sort()).toEqual(['data', 'timestamp', 'type'])
    expect(new Date(published.timestamp).toString()).not.toBe('Invalid Date')
    // The site's revalidation consumer was called with the shared secret and the tags.
    expect(siteCalls).toContainEqual({ secret: 'test-revalidate-secret', body: expect.objectContaining({ type: 'article.published', tags: published.data.tags }) })
    expect(await outboxRows()).toEqual([])
  })

  it('records nothing when the publish gate refuses the change (the job row rolls back with it)', async () => {
    const noSection = await app.rest('POST', '/api/articles', { token: users.editor, body: { title: '没有栏目', origin: 'original', _status: 'published' } })
    expect(noSection.status).toBe(400)
    expect(JSON.stringify(noSection.body)).toMatch(/section/)

    const source = await app.rest('POST', '/api/sources', { token: users.editor, body: haiwaiSource })
    const draft = await app.rest('POST', '/api/articles', {
      token: users.editor,
      body: { title: '转载草稿', origin: 'republished', source: source.body.doc.id, section: sectionId, _status: 'draft' },
    })
    expect(draft.status).toBe(201)
    await dispatch()
    // Publishing without the original URL is refused by the attribution gate.
    const refused = await app.rest('PATCH', `/api/articles/${draft.body.doc.id}`, { token: users.editor, body: { _status: 'published' } })
    expect(refused.status).toBe(400)
    expect((await outboxRows()).map((row) => row.input.event.type)).toEqual([])
    expect(await dispatch()).toEqual([])
  })

  it('leaves no event behind when the transaction that published rolls back after the hooks ran (databases with transactions)', async (ctx) => {
    // This app runs SQLite without transactions (every write commits at once); PostgreSQL and MongoDB have them.
    const probe = await app.payload.db.beginTransaction()
    if (!probe) return ctx.skip()
    await app.payload.db.rollbackTransaction(probe)
    const draft = await app.rest('POST', '/api/articles', { token: users.editor, body: { title: '回滚', origin: 'original', section: sectionId, _status: 'draft' } })
    await dispatch()
    const req = await createLocalReq({}, app.payload)
    await initTransaction(req)
    await app.payload.update({ collection: 'articles', id: draft.body.doc.id, data: { _status: 'published' } as never, req, overrideAccess: true })
    // Inside the transaction the event is there…
    const inside = await app.payload.find({ collection: 'payload-jobs', where: { queue: { equals: OUTBOX_QUEUE } }, req, overrideAccess: true })
    expect(inside.docs.map((row: any) => row.input.event.type)).toEqual(['article.published'])
    await killTransaction(req)
    // …and after the rollback, neither the publish nor the event.
    expect(await outboxRows()).toEqual([])
    expect(await dispatch()).toEqual([])
    const guest = await app.rest('GET', `/api/articles/${draft.body.doc.id}`)
    expect(guest.status).toBe(404)
  })

  it('tells updated and unpublished apart, and says nothing for a draft saved over a published article', async () => {
    const created = await app.rest('POST', '/api/articles', {
      token: users.editor,
      body: { title: '江边', origin: 'original', section: sectionId, _status: 'published' },
    })
    const { id } = created.body.doc
    await dispatch()

    await app.rest('PATCH', `/api/articles/${id}?draft=true&autosave=true`, { token: users.editor, body: { title: '江边（草稿）', _status: 'draft' } })
    expect(await dispatch()).toEqual([])

    await app.rest('PATCH', `/api/articles/${id}`, { token: users.editor, body: { title: '江边的早晨', _status: 'published' } })
    expect((await dispatch()).map((event) => event.type)).toEqual(['article.updated'])

    await app.rest('PATCH', `/api/articles/${id}`, { token: users.editor, body: { _status: 'draft' } })
    expect((await dispatch()).map((event) => event.type)).toEqual(['article.unpublished'])

    await app.rest('PATCH', `/api/articles/${id}`, { token: users.editor, body: { _status: 'published' } })
    await dispatch()
    const deleted = await app.rest('DELETE', `/api/articles/${id}`, { token: users.editor })
    expect(deleted.status).toBe(200)
    expect((await dispatch()).map((event) => event.type)).toEqual(['article.deleted'])
  })

  it('announces comments shown, held and removed, without the commenter’s personal data', async () => {
    await setSettings(app, { honeypot: false, floodLimitPerMinute: 100 })
    const article = await app.rest('POST', '/api/articles', {
      token: users.editor,
      body: { title: '评论区', origin: 'original', section: sectionId, _status: 'published' },
    })
    await dispatch()
    const posted = await postComment(app, { article: article.body.doc.id, authorName: '张三', authorEmail: 'zhang@example.com', body: '写得很好，谢谢分享' })
    expect(posted.status, JSON.stringify(posted.body)).toBe(201)
    const commentId = posted.body.doc.id
    const approved = await dispatch()
    expect(approved.map((event) => event.type)).toEqual(['comment.approved'])
    expect(approved[0].data.tags).toEqual(expect.arrayContaining([`comments:${article.body.doc.id}`, `article:${article.body.doc.slug}`]))
    expect(JSON.stringify(approved)).not.toMatch(/张三|zhang@example|写得很好/)

    await app.rest('PATCH', `/api/comments/${commentId}`, { token: users.moderator, body: { status: 'pending' } })
    expect((await dispatch()).map((event) => event.type)).toEqual(['comment.held'])
    await app.rest('PATCH', `/api/comments/${commentId}`, { token: users.moderator, body: { status: 'approved' } })
    expect((await dispatch()).map((event) => event.type)).toEqual(['comment.approved'])
    await app.rest('PATCH', `/api/comments/${commentId}`, { token: users.moderator, body: { status: 'rejected' } })
    expect((await dispatch()).map((event) => event.type)).toEqual(['comment.removed'])
  })

  it('announces sections, tags, sources and the site settings changing', async () => {
    await app.rest('PATCH', `/api/sections/${sectionId}`, { token: users.editor, body: { description: '世界各地' } })
    const tag = await app.rest('POST', '/api/tags', { token: users.author, body: { name: '人工智能' } })
    expect(tag.status, JSON.stringify(tag.body)).toBe(201)
    const settings = await app.rest('POST', '/api/globals/site-settings', { token: users.editor, body: { slogan: '最好看的新闻' } })
    expect(settings.status, JSON.stringify(settings.body)).toBe(200)
    const types = (await dispatch()).map((event) => event.type)
    expect(types).toEqual(expect.arrayContaining(['section.changed', 'tag.changed', 'settings.changed']))
    expect(types.every((type) => (CONTENT_EVENT_TYPES as readonly string[]).includes(type))).toBe(true)
  })

  it('keeps settings and taxonomy writes to staff: guests and moderators are refused', async () => {
    expect((await app.rest('POST', '/api/sections', { body: { name: 'x' } })).status).toBe(403)
    expect((await app.rest('POST', '/api/tags', { token: users.moderator, body: { name: 'x' } })).status).toBe(403)
    expect((await app.rest('POST', '/api/globals/site-settings', { token: users.author, body: { slogan: 'x' } })).status).toBe(403)
    expect((await app.rest('GET', '/api/globals/site-settings')).status).toBe(200)
    expect((await app.rest('GET', '/api/sections')).status).toBe(200)
  })
})
