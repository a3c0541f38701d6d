import { DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MEDIA_CACHE_CONTROL } from '../../src/objectStorage'
import { creditedJpeg, staff, type Newsroom } from '../collections/fixtures'
import { startTestApp, type TestApp } from '../helpers/app'
import { startTestBucket, type TestBucket } from '../helpers/s3'

// Media on a real S3-protocol server: s3rver on loopback, or the endpoint in S3_TEST_ENDPOINT (see README).
let bucket: TestBucket
let app: TestApp
let other: TestApp
let users: Newsroom

beforeAll(async () => {
  bucket = await startTestBucket('media')
  app = await startTestApp({ label: 's3_media', objectStorage: bucket.settings })
  // A second instance on the same database and bucket, with nothing on a disk of its own.
  other = await startTestApp({ database: app.database, secret: app.config.secret, instanceKey: 'other', objectStorage: bucket.settings })
  users = await staff(app)
})
afterAll(async () => {
  await other?.close()
  await app?.close()
  await bucket?.close()
})

const upload = async (data: Record<string, unknown>, name: string, bytes?: Buffer, type = 'image/jpeg') => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes ?? (await creditedJpeg()))], { type }), name)
  form.append('_payload', JSON.stringify(data))
  return app.rest('POST', '/api/media', { token: users.editor, form })
}

const SIZES = ['thumbnail', 'card', 'hero', 'og']
const storedNames = (doc: { filename: string; sizes: Record<string, { filename?: string | null }> }) =>
  [doc.filename, ...SIZES.map((size) => doc.sizes[size]?.filename)].filter(Boolean).sort()

describe('media in S3-compatible storage', () => {
  it('stores the photo and every image size as objects, with the credits read from the photo', async () => {
    const response = await upload({ alt: '悉尼港' }, 'harbour.jpg')
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    const doc = response.body.doc
    expect(doc.creator).toBe('李摄影')
    expect(doc.copyrightNotice).toBe('© 2026 Harbour Photo Agency')
    expect(doc.creditLine).toBe('图片来源: 李摄影')
    expect(doc.sizes.og).toMatchObject({ width: 1200, height: 630 })
    const names = storedNames(doc)
    expect(names).toHaveLength(5)
    const keys = await bucket.keys()
    for (const name of names) expect(keys).toContain(name)
    const head = await bucket.client.send(new HeadObjectCommand({ Bucket: bucket.settings.bucket, Key: doc.sizes.og.filename }))
    expect(head.ContentType).toBe('image/jpeg')
    // the bucket (and a CDN in front of it) serves the object with the long lifetime too
    expect(head.CacheControl).toBe(MEDIA_CACHE_CONTROL)
  })

  it('serves the photo through another instance that never saw the upload, with a long-lived Cache-Control', async () => {
    const created = await upload({ alt: 'Served elsewhere' }, 'elsewhere.jpg')
    const doc = created.body.doc
    const served = await other.rest('GET', `/api/media/file/${doc.filename}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/jpeg')
    expect(served.headers.get('cache-control')).toBe(MEDIA_CACHE_CONTROL)
    const size = await other.rest('GET', `/api/media/file/${doc.sizes.thumbnail.filename}`)
    expect(size.status).toBe(200)
    expect(doc.url).toBe(`/api/media/file/${doc.filename}`)
  })

  it('refuses a file that only pretends to be an image, and stores nothing for it', async () => {
    const before = await bucket.keys()
    const response = await upload({ alt: 'Not a photo' }, 'pretend.jpg', Buffer.from('<html><script>alert(1)</script></html>'))
    expect(response.status).toBe(400)
    expect(await bucket.keys()).toEqual(before)
  })

  it('answers 404, not 500, for a file missing from the bucket and for a name nobody uploaded', async () => {
    const created = await upload({ alt: 'Soon gone' }, 'gone.jpg')
    const doc = created.body.doc
    await bucket.client.send(new DeleteObjectCommand({ Bucket: bucket.settings.bucket, Key: doc.filename }))
    expect((await other.rest('GET', `/api/media/file/${doc.filename}`)).status).toBe(404)
    expect((await app.rest('GET', '/api/media/file/never-uploaded.jpg')).status).toBe(404)
  })

  it('deleting a Media document deletes the photo and all its sizes from the bucket', async () => {
    const created = await upload({ alt: 'To delete' }, 'delete-me.jpg')
    const names = storedNames(created.body.doc)
    expect(await bucket.keys()).toEqual(expect.arrayContaining(names))
    const deleted = await app.rest('DELETE', `/api/media/${created.body.doc.id}`, { token: users.editor })
    expect(deleted.status).toBe(200)
    const left = await bucket.keys()
    for (const name of names) expect(left).not.toContain(name)
  })

  it('a replaced file gets a new name (so the long cache lifetime is safe) and the old objects go', async () => {
    const created = await upload({ alt: 'First version' }, 'replaced.jpg')
    const first = created.body.doc
    const form = new FormData()
    const second = await creditedJpeg()
    form.append('file', new Blob([new Uint8Array(second)], { type: 'image/jpeg' }), 'replaced.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Second version' }))
    const replaced = await app.rest('PATCH', `/api/media/${first.id}`, { token: users.editor, form })
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200)
    const doc = replaced.body.doc
    expect(doc.filename).not.toBe(first.filename)
    expect(doc.sizes.card.filename).not.toBe(first.sizes.card.filename)
    const keys = await bucket.keys()
    for (const name of storedNames(doc)) expect(keys).toContain(name)
    for (const name of storedNames(first)) expect(keys).not.toContain(name)
  })

  it('only staff upload: a guest cannot write to the bucket', async () => {
    const before = await bucket.keys()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await creditedJpeg())], { type: 'image/jpeg' }), 'guest.jpg')
    form.append('_payload', JSON.stringify({ alt: 'guest' }))
    const response = await app.rest('POST', '/api/media', { form })
    expect(response.status).toBe(403)
    expect(await bucket.keys()).toEqual(before)
  })
})

describe('MEDIA_PUBLIC_URL (a CDN in front of the bucket)', () => {
  let cdn: TestApp
  beforeAll(async () => {
    // s3rver serves objects to anyone in path style: the bucket's own address stands in for the CDN.
    const publicUrl = `${bucket.settings.endpoint}/${bucket.settings.bucket}`
    cdn = await startTestApp({
      database: app.database,
      secret: app.config.secret,
      instanceKey: 'cdn',
      objectStorage: { ...bucket.settings, publicUrl },
    })
  })
  afterAll(async () => {
    await cdn?.close()
  })

  it.runIf(!process.env.S3_TEST_ENDPOINT)('gives files URLs on the public address, which serves them with the long lifetime', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await creditedJpeg())], { type: 'image/jpeg' }), 'cdn.jpg')
    form.append('_payload', JSON.stringify({ alt: 'On the CDN' }))
    const created = await cdn.rest('POST', '/api/media', { token: users.editor, form })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const doc = created.body.doc
    expect(doc.url).toBe(`${bucket.settings.endpoint}/${bucket.settings.bucket}/${doc.filename}`)
    expect(doc.sizes.card.url).toBe(`${bucket.settings.endpoint}/${bucket.settings.bucket}/${doc.sizes.card.filename}`)
    const fetched = await fetch(doc.sizes.card.url)
    expect(fetched.status).toBe(200)
    expect(fetched.headers.get('cache-control')).toBe(MEDIA_CACHE_CONTROL)
    expect((await fetched.arrayBuffer()).byteLength).toBe(doc.sizes.card.filesize)
  })
})
