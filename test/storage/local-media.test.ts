import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { creditedJpeg, staff, type Newsroom } from '../collections/fixtures'
import { startTestApp, type TestApp } from '../helpers/app'

// The default: media on the local disk (MEDIA_DIR), no object storage.
let app: TestApp
let users: Newsroom

beforeAll(async () => {
  app = await startTestApp({ label: 'local_media' })
  users = await staff(app)
})
afterAll(async () => {
  await app?.close()
})

describe('media on the local disk', () => {
  it('serves the file, and answers 404 (not 500) once it is missing from the disk, e.g. taken by another instance', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await creditedJpeg())], { type: 'image/jpeg' }), 'local.jpg')
    form.append('_payload', JSON.stringify({ alt: 'On this disk' }))
    const created = await app.rest('POST', '/api/media', { token: users.editor, form })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const { filename } = created.body.doc
    expect((await app.rest('GET', `/api/media/file/${filename}`)).status).toBe(200)

    const media = app.config.collections.find((collection) => collection.slug === 'media')!
    const folder = typeof media.upload === 'object' ? media.upload.staticDir : undefined
    fs.rmSync(path.resolve(folder!, filename))
    const missing = await app.rest('GET', `/api/media/file/${filename}`)
    expect(missing.status).toBe(404)
  })
})
