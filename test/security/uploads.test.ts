/**
 * Uploads are judged by their bytes: SVG and HTML (even named .png, sent as image/png) are refused, and so are
 * images whose header claims more pixels than the server decodes, before any decoding. Over REST, as the admin
 * and sites upload.
 */
import zlib from 'node:zlib'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestApp, type TestApp } from '../helpers/app'

let app: TestApp
let editor: string

beforeAll(async () => {
  app = await startTestApp({ label: 'security_uploads' })
  await app.userToken('first@example.com', ['admin'])
  editor = (await app.userToken('editor@example.com', ['editor'])).token
})
afterAll(async () => app?.close())

const upload = (bytes: Buffer | string, name: string, type: string) => {
  const form = new FormData()
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name)
  form.append('_payload', JSON.stringify({ alt: 'test image' }))
  return app.rest('POST', '/api/media', { token: editor, form })
}

const crc32 = (buffer: Buffer) => {
  let crc = ~0
  for (const byte of buffer) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}
const chunk = (kind: string, data: Buffer) => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(kind, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
/** A PNG whose header claims width × height, with a tiny (truncated) image body: a decompression bomb's shape. */
const claimedPng = (width: number, height: number) => {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))])
}

describe('uploads are judged by their bytes', () => {
  it('refuses SVG and HTML, whatever they are called and claim to be', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
    for (const [bytes, name, type] of [
      [svg, 'photo.png', 'image/png'],
      [svg, 'photo.svg', 'image/svg+xml'],
      ['<!doctype html><html><script>alert(1)</script></html>', 'photo.jpg', 'image/jpeg'],
    ] as const) {
      const answer = await upload(bytes, name, type)
      expect(answer.status, name).toBe(400)
      expect(JSON.stringify(answer.body), name).toMatch(/Only JPEG, PNG, WebP, GIF and AVIF/)
    }
    const stored = await app.payload.find({ collection: 'media', overrideAccess: true, limit: 0 })
    expect(stored.totalDocs).toBe(0)
  })

  it('refuses an image whose header claims too many pixels, before decoding it', async () => {
    const answer = await upload(claimedPng(60_000, 60_000), 'bomb.png', 'image/png')
    expect(answer.status).toBe(400)
    expect(JSON.stringify(answer.body)).toMatch(/too large to process \(60000 × 60000/)
  })

  it('takes a real image, and stores the type its bytes say even when the client says otherwise', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } }).png().toBuffer()
    const answer = await upload(png, 'red.jpg', 'image/jpeg')
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    expect(answer.body.doc.mimeType).toBe('image/png')
    expect(answer.body.doc.width).toBe(40)
  })
})
