import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'
import { haiwaiSource, republished, staff, type Newsroom } from './fixtures'

let app: TestApp
let users: Newsroom
let sourceId: number | string
let closedSourceId: number | string
let ndSourceId: number | string
let inactiveSourceId: number | string

const createSource = async (data: Record<string, unknown>) => {
  const response = await app.rest('POST', '/api/sources', { token: users.editor, body: data })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.doc.id
}

beforeAll(async () => {
  app = await startTestApp({ label: 'gate' })
  users = await staff(app)
  sourceId = await createSource(haiwaiSource)
  closedSourceId = await createSource({ name: 'Closed Times', domains: ['closed.example'], license: 'all-rights-reserved' })
  ndSourceId = await createSource({ name: 'ND Daily', domains: ['nd.example'], license: 'cc-by-nd' })
  inactiveSourceId = await createSource({ ...haiwaiSource, name: 'Gone Gazette', active: false })
})
afterAll(async () => {
  await app?.close()
})

const publish = (data: Record<string, unknown>, token = users.editor) =>
  app.rest('POST', '/api/articles', { token, body: { ...data, _status: 'published' } })

const errorsOf = (body: any): { path: string; message: string }[] => body?.errors?.[0]?.data?.errors ?? []

describe('the publish gate, over REST', () => {
  it('saves an incomplete republished draft', async () => {
    const response = await app.rest('POST', '/api/articles?draft=true', {
      token: users.editor,
      body: { title: 'Draft without a source', origin: 'republished', _status: 'draft' },
    })
    expect(response.status).toBe(201)
  })

  it.each([
    ['no source', { source: undefined }, 'source', /Source this republished story comes from/],
    ['an inactive source', { source: 'inactive' }, 'source', /inactive/],
    ['no original URL', { originalUrl: undefined }, 'originalUrl', /original/i],
    ['an original URL on another host', { originalUrl: 'https://haiwaijuejin.example.evil.net/x' }, 'originalUrl', /haiwaijuejin\.example/],
    ['a non-http original URL', { originalUrl: 'ftp://news.haiwaijuejin.example/x' }, 'originalUrl', /http/],
    ['no original date', { originalPublishedAt: undefined }, 'originalPublishedAt', /date|published/i],
    ['a source that does not allow republishing', { source: 'closed', originalUrl: 'https://closed.example/a' }, 'source.permissions.republish', /republish/i],
    ['a translation from a no-derivatives source', { source: 'nd', origin: 'translated', originalUrl: 'https://nd.example/a' }, 'source.permissions.translate', /translat/i],
    ['an embargo in the future', { embargoedUntil: '2999-01-01T00:00:00.000Z' }, 'embargoedUntil', /embargo/i],
  ])('refuses to publish with %s, naming the field', async (_, change, field, message) => {
    const ids: Record<string, unknown> = { inactive: inactiveSourceId, closed: closedSourceId, nd: ndSourceId }
    const data: Record<string, unknown> = { ...republished(sourceId), ...change }
    if (typeof data.source === 'string' && data.source in ids) data.source = ids[data.source]
    for (const key of Object.keys(data)) if (data[key] === undefined) delete data[key]
    const response = await publish(data)
    expect(response.status).toBe(400)
    expect(response.body.errors[0].name).toBe('ValidationError')
    const errors = errorsOf(response.body)
    const hit = errors.find((error) => error.path.startsWith(field))
    expect(hit, JSON.stringify(errors)).toBeDefined()
    expect(hit!.message).toMatch(message)
  })

  it('names every failing field at once', async () => {
    const response = await publish({ title: 'Everything missing', origin: 'republished', embargoedUntil: '2999-01-01T00:00:00.000Z' })
    expect(response.status).toBe(400)
    const paths = errorsOf(response.body).map((error) => error.path)
    expect(paths).toEqual(expect.arrayContaining(['source', 'originalUrl', 'originalPublishedAt', 'embargoedUntil']))
  })

  it('nothing half-written stays behind after a refusal', async () => {
    const before = await app.payload.count({ collection: 'articles', overrideAccess: true })
    await publish({ title: 'Refused', origin: 'republished' })
    const after = await app.payload.count({ collection: 'articles', overrideAccess: true })
    expect(after.totalDocs).toBe(before.totalDocs)
  })

  it('publishes a complete republished article with a subdomain original URL, stamping the credit', async () => {
    const response = await publish(republished(sourceId))
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const doc = response.body.doc
    expect(doc._status).toBe('published')
    expect(doc.publishedAt).toBeTruthy()
    expect(doc.attribution.creditLine).toBe('来源: 海外掘金 · 原文链接 https://news.haiwaijuejin.example/2026/11/rba-rates')
    expect(doc.attribution.sourceName).toBe('海外掘金')
    expect(doc.attribution.originalUrl).toBe('https://news.haiwaijuejin.example/2026/11/rba-rates')
  })

  it('lets a draft be fixed and then published, keeping the first publishedAt', async () => {
    const draft = await app.rest('POST', '/api/articles?draft=true', {
      token: users.editor,
      body: { ...republished(sourceId, { title: 'Fix me later' }), originalUrl: 'https://elsewhere.example/x', _status: 'draft' },
    })
    const id = draft.body.doc.id
    const refused = await app.rest('PATCH', `/api/articles/${id}`, { token: users.editor, body: { _status: 'published' } })
    expect(refused.status).toBe(400)
    const fixed = await app.rest('PATCH', `/api/articles/${id}`, {
      token: users.editor,
      body: { _status: 'published', originalUrl: 'https://haiwaijuejin.example/fixed' },
    })
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200)
    const firstPublishedAt = fixed.body.doc.publishedAt
    const again = await app.rest('PATCH', `/api/articles/${id}`, {
      token: users.editor,
      body: { _status: 'published', title: 'Fixed', publishedAt: '2001-01-01T00:00:00.000Z' },
    })
    expect(again.body.doc.publishedAt).toBe(firstPublishedAt)
  })

  it("answers in the editor's language: Chinese for a zh browser", async () => {
    const response = await app.rest('POST', '/api/articles', {
      token: users.editor,
      headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
      body: { title: '缺来源', origin: 'republished', _status: 'published' },
    })
    expect(response.status).toBe(400)
    const messages = errorsOf(response.body).map((error) => error.message)
    expect(messages).toContain('请选择这篇稿件的来源。')
    expect(messages).toContain('请填写原文链接。')
    // The refusal's summary names the fields as the editor knows them.
    expect(response.body.errors[0].message).toMatch(/来源/)
  })

  it('original articles publish without a source', async () => {
    const response = await publish({ title: 'Our own reporting', origin: 'original' })
    expect(response.status).toBe(201)
    // An original article is credited to the site itself.
    expect(response.body.doc.attribution.sourceName).toBe('Newsroom')
    expect(response.body.doc.attribution.originalUrl).toBeNull()
  })

  it('refuses to place an image whose source does not allow image reuse, naming the image', async () => {
    const png = await (await import('sharp')).default({ create: { width: 8, height: 8, channels: 3, background: '#c00' } }).png().toBuffer()
    const form = new FormData()
    form.append('file', new Blob([png], { type: 'image/png' }), 'closed-photo.png')
    form.append('_payload', JSON.stringify({ alt: 'A closed photo', source: closedSourceId }))
    const upload = await app.rest('POST', '/api/media', { token: users.editor, form })
    expect(upload.status, JSON.stringify(upload.body)).toBe(201)
    const response = await publish(republished(sourceId, { title: 'With a forbidden photo', heroImage: upload.body.doc.id }))
    expect(response.status).toBe(400)
    const message = errorsOf(response.body).map((error) => error.message).join(' ')
    expect(message).toMatch(/closed-photo|A closed photo/)
  })
})
