import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'
import { creditedJpeg, haiwaiSource, republished, staff, type Newsroom } from './fixtures'

let app: TestApp
let users: Newsroom

beforeAll(async () => {
  app = await startTestApp({ label: 'media' })
  users = await staff(app)
})
afterAll(async () => {
  await app?.close()
})

const upload = async (data: Record<string, unknown>, name = 'harbour.jpg') => {
  const form = new FormData()
  form.append('file', new Blob([await creditedJpeg()], { type: 'image/jpeg' }), name)
  form.append('_payload', JSON.stringify(data))
  return app.rest('POST', '/api/media', { token: users.editor, form })
}

describe('media credits', () => {
  it('fills empty credit fields from the embedded XMP/EXIF and stamps the credit line', async () => {
    const response = await upload({ alt: '悉尼港' })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const doc = response.body.doc
    expect(doc.creator).toBe('李摄影')
    expect(doc.copyrightNotice).toBe('© 2026 Harbour Photo Agency')
    expect(doc.caption).toBe('Sydney Harbour at dawn')
    expect(doc.creditLine).toBe('图片来源: 李摄影')
    expect(doc.sizes.og).toMatchObject({ width: 1200, height: 630 })
  })

  it('never replaces what the editor typed', async () => {
    const response = await upload({ alt: 'Harbour', creator: 'Our own photographer', caption: 'Our caption' }, 'typed.jpg')
    expect(response.body.doc.creator).toBe('Our own photographer')
    expect(response.body.doc.caption).toBe('Our caption')
    expect(response.body.doc.copyrightNotice).toBe('© 2026 Harbour Photo Agency')
  })

  it('credits the source when the photo has one, and refuses media without alt text', async () => {
    const source = await app.rest('POST', '/api/sources', { token: users.editor, body: haiwaiSource })
    const response = await upload({ alt: 'Source photo', source: source.body.doc.id }, 'sourced.jpg')
    expect(response.body.doc.creditLine).toBe('图片来源: 海外掘金')
    expect(response.body.doc.license).toBe('permission')
    const missingAlt = await upload({}, 'no-alt.jpg')
    expect(missingAlt.status).toBe(400)
    expect(JSON.stringify(missingAlt.body)).toMatch(/alt/)
  })
})

describe('the rights-window job', () => {
  it('unpublishes articles past their source rights window, recording why in the version history', async () => {
    const source = await app.rest('POST', '/api/sources', {
      token: users.editor,
      body: { ...haiwaiSource, name: 'Short Rights Daily', rightsWindowDays: 2 },
    })
    const sourceId = source.body.doc.id
    const old = await app.rest('POST', '/api/articles', {
      token: users.editor,
      body: { ...republished(sourceId, { title: 'Old story' }), _status: 'published', publishedAt: new Date(Date.now() - 3 * 86400_000).toISOString() },
    })
    const fresh = await app.rest('POST', '/api/articles', {
      token: users.editor,
      body: { ...republished(sourceId, { title: 'Fresh story' }), _status: 'published' },
    })
    expect(old.status, JSON.stringify(old.body)).toBe(201)
    expect((await app.rest('GET', `/api/articles/${old.body.doc.id}`)).status).toBe(200)

    await app.payload.jobs.queue({ task: 'unpublishExpiredRights' as never, input: {} as never, queue: 'newsroom' })
    await app.payload.jobs.run({ queue: 'newsroom' })

    expect((await app.rest('GET', `/api/articles/${old.body.doc.id}`)).status).toBe(404)
    expect((await app.rest('GET', `/api/articles/${fresh.body.doc.id}`)).status).toBe(200)
    const versions = await app.rest('GET', `/api/articles/versions?where[parent][equals]=${old.body.doc.id}&sort=-updatedAt`, {
      token: users.editor,
    })
    expect(versions.body.docs[0].version._status).toBe('draft')
    expect(versions.body.docs[0].version.statusNote).toMatch(/rights window of Short Rights Daily \(2 days\) ended/)
  })
})

describe('scheduled publishing', () => {
  it('a scheduled publish job stamps attribution and passes the same gate', async () => {
    const source = await app.rest('POST', '/api/sources', { token: users.editor, body: { ...haiwaiSource, name: 'Scheduled Source' } })
    const ready = await app.rest('POST', '/api/articles?draft=true', {
      token: users.editor,
      body: { ...republished(source.body.doc.id, { title: 'Scheduled and ready' }), _status: 'draft' },
    })
    const embargoed = await app.rest('POST', '/api/articles?draft=true', {
      token: users.editor,
      body: { ...republished(source.body.doc.id, { title: 'Scheduled but embargoed' }), embargoedUntil: '2999-01-01T00:00:00.000Z', _status: 'draft' },
    })
    for (const id of [ready.body.doc.id, embargoed.body.doc.id]) {
      await app.payload.jobs.queue({
        task: 'schedulePublish',
        input: { type: 'publish', doc: { relationTo: 'articles', value: String(id) } } as never,
        waitUntil: new Date(Date.now() - 1000),
      })
    }
    await app.payload.jobs.run()

    const published = await app.rest('GET', `/api/articles/${ready.body.doc.id}`)
    expect(published.status).toBe(200)
    expect(published.body._status).toBe('published')
    expect(published.body.publishedAt).toBeTruthy()
    expect(published.body.attribution.creditLine).toMatch(/^来源: Scheduled Source/)
    expect((await app.rest('GET', `/api/articles/${embargoed.body.doc.id}`)).status).toBe(404)
  })
})
