import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { parseDatabaseUri, redisKeyPrefix } from '../../src/database'
import { MEDIA_CACHE_CONTROL } from '../../src/objectStorage'
import { creditedJpeg } from '../collections/fixtures'
import { withinOneFloodWindow } from '../comments/helpers'
import { createTestDatabase, type TestDatabase } from '../helpers/database'
import { startInstance, untilPage, type Instance } from '../helpers/instance'
import { startTestBucket, type TestBucket } from '../helpers/s3'
import { startReceiver } from '../webhooks/receiver'

// Two production instances (A and B) on one PostgreSQL, one Redis and one bucket, each with a media folder of its own.
// The reader site's pages are cached in Redis (REDIS_URL → src/site/nextCacheHandler.mjs). While the shared-cache
// tests run, every revalidation goes to A (B's outbox sends its revalidations to A's /revalidate through `relay`),
// so what B shows after a change can only come from the shared cache.
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'
let database: TestDatabase
let bucket: TestBucket
let a: Instance
let b: Instance
let token: string

const call = async (instance: Instance, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${instance.base}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `JWT ${token}` } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: response.status, headers: response.headers, body: json }
}

/** A reader's comment: no token, an address of its own unless given. */
const comment = (instance: Instance, article: number, body: string, ip = `198.18.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 254)}`) =>
  fetch(`${instance.base}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, 'user-agent': 'scale-test' },
    body: JSON.stringify({ article, authorName: 'Reader', body }),
  })

let articleId: number

/**
 * Where B's outbox sends its revalidations: relayed to A's `/revalidate` while `relayTo` is set; afterwards
 * acknowledged and dropped (no later test reads a page), so that B's outbox does not keep retrying calls to A
 * once A is stopped.
 */
let relayTo: string | null = null
const relay = http.createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', async () => {
    if (!relayTo) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    try {
      const forwarded = await fetch(relayTo, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-newsroom-revalidate': String(req.headers['x-newsroom-revalidate'] ?? '') },
        body: Buffer.concat(chunks),
      })
      res.writeHead(forwarded.status, { 'content-type': 'application/json' }).end(await forwarded.text())
    } catch {
      res.writeHead(502).end()
    }
  })
})

beforeAll(async () => {
  database = await createTestDatabase('instances')
  bucket = await startTestBucket('instances')
  const env = {
    DATABASE_URI: database.uri,
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    REDIS_URL,
    S3_BUCKET: bucket.settings.bucket,
    S3_ENDPOINT: bucket.settings.endpoint!,
    S3_REGION: bucket.settings.region,
    S3_ACCESS_KEY_ID: bucket.settings.accessKeyId!,
    S3_SECRET_ACCESS_KEY: bucket.settings.secretAccessKey!,
    S3_FORCE_PATH_STYLE: String(bucket.settings.forcePathStyle),
    SHUTDOWN_GRACE_SECONDS: '20',
    // the webhook test's receiver is on loopback
    WEBHOOKS_ALLOW_PRIVATE: 'true',
  }
  // A first: it applies the migrations to the fresh database; B starts on the migrated one.
  a = await startInstance(env)
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve))
  relayTo = `${a.base}/revalidate`
  b = await startInstance({ ...env, SITE_REVALIDATE_URL: `http://127.0.0.1:${(relay.address() as AddressInfo).port}/revalidate` })
  const register = await call(a, 'POST', '/api/users/first-register', { email: 'admin@example.com', password: 'scale-password-123', roles: ['admin'] })
  expect(register.status, JSON.stringify(register.body)).toBe(200)
  token = register.body.token
  const settings = await call(a, 'POST', '/api/globals/moderation-settings', {
    mode: 'post',
    floodLimitPerMinute: 4,
    minSecondsToSubmit: 0,
    holdNewCommenters: false,
    maxLinks: 1,
  })
  expect(settings.status, JSON.stringify(settings.body)).toBe(200)
  const article = await call(a, 'POST', '/api/articles', { title: 'Two instances', origin: 'original', _status: 'published' })
  expect(article.status, JSON.stringify(article.body)).toBe(201)
  articleId = article.body.doc.id
}, 600_000)

afterAll(async () => {
  await b?.stop()
  await a?.stop()
  relay.close()
  await bucket?.close()
  if (database) {
    // the site cache of this throwaway database (its tag maps have no expiry of their own)
    const redis = new Redis(REDIS_URL)
    const keys = await redis.keys(`${redisKeyPrefix(parseDatabaseUri(database.uri))}next:*`)
    if (keys.length) await redis.del(...keys)
    redis.disconnect()
  }
  await database?.drop()
})

describe("the reader site's cache is shared", () => {
  afterAll(() => {
    relayTo = null
  })

  it('a comment approved and an article edited through A show on B’s cached article page on its next request', async () => {
    const { body: article } = await call(a, 'GET', `/api/articles/${articleId}?depth=0`)
    const page = `/articles/${article.slug}`
    // B renders the page once, then serves it from the page cache (in Redis)
    expect((await fetch(`${b.base}${page}`)).status).toBe(200)
    const cached = await fetch(`${b.base}${page}`)
    expect(cached.status).toBe(200)
    expect(cached.headers.get('x-nextjs-cache')).toBe('HIT')
    const before = await cached.text()

    const posted = await comment(a, articleId, 'Shared cache: seen on B')
    expect(posted.status).toBe(201)
    const commentId = (await posted.json()).doc.id
    const rejected = await call(a, 'PATCH', `/api/comments/${commentId}`, { status: 'rejected' })
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200)
    const hidden = await untilPage(b, page, (html) => !html.includes('Shared cache: seen on B'))
    expect(hidden.ms).not.toBeNull()
    const approved = await call(a, 'PATCH', `/api/comments/${commentId}`, { status: 'approved' })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    const shown = await untilPage(b, page, (html) => html.includes('Shared cache: seen on B'))
    expect(shown.ms, 'the approved comment never showed on B').not.toBeNull()
    expect(before).not.toContain('Shared cache: seen on B')

    const edited = await call(a, 'PATCH', `/api/articles/${articleId}`, { title: 'Two instances, edited on A' })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    const retitled = await untilPage(b, page, (html) => html.includes('Two instances, edited on A'))
    expect(retitled.ms, 'the edited title never showed on B').not.toBeNull()
    // served from the cache again once rendered
    expect((await fetch(`${b.base}${page}`)).headers.get('x-nextjs-cache')).toBe('HIT')
    console.log(`shared site cache: change through A → visible on B in ${shown.ms} ms (comment approved), ${retitled.ms} ms (article edited)`)
  })

  it('a draft answers 404 on B; published through A it shows on B, unpublished it is a 404 again', async () => {
    const draft = await call(a, 'POST', '/api/articles', { title: 'Not yet on B', origin: 'original', _status: 'draft' })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const page = `/articles/${draft.body.doc.slug}`
    expect((await fetch(`${b.base}${page}`)).status).toBe(404)
    expect((await fetch(`${b.base}${page}`)).status).toBe(404)
    const published = await call(a, 'PATCH', `/api/articles/${draft.body.doc.id}`, { _status: 'published' })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    const shown = await untilPage(b, page, (html, status) => status === 200 && html.includes('Not yet on B'))
    expect(shown.ms, `the published article stayed ${shown.status} on B`).not.toBeNull()
    const unpublished = await call(a, 'PATCH', `/api/articles/${draft.body.doc.id}`, { _status: 'draft' })
    expect(unpublished.status, JSON.stringify(unpublished.body)).toBe(200)
    const gone = await untilPage(b, page, (_html, status) => status === 404)
    expect(gone.ms, 'the unpublished article stayed on B').not.toBeNull()
  })
})

describe('two instances behave as one site', () => {
  it('a photo uploaded through A is served by B', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await creditedJpeg())], { type: 'image/jpeg' }), 'two-instances.jpg')
    form.append('_payload', JSON.stringify({ alt: 'Uploaded through A' }))
    const uploaded = await fetch(`${a.base}/api/media`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form })
    const doc = (await uploaded.json()).doc
    expect(uploaded.status).toBe(201)
    for (const name of [doc.filename, doc.sizes.card.filename]) {
      const served = await fetch(`${b.base}/api/media/file/${name}`)
      expect(served.status).toBe(200)
      expect(served.headers.get('content-type')).toBe('image/jpeg')
      expect(served.headers.get('cache-control')).toBe(MEDIA_CACHE_CONTROL)
    }
    expect((await fetch(`${b.base}/api/media/file/never-there.jpg`)).status).toBe(404)
  })

  it('a burst over the flood limit split across A and B is limited once', async () => {
    const ip = `203.0.113.${crypto.randomInt(1, 254)}`
    await withinOneFloodWindow()
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await comment(i % 2 ? b : a, articleId, `Burst ${i} ${ip}`, ip)).status)
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429])
  })

  it('a webhook is delivered once: each publish through A or B reaches the endpoint once, under one webhook-id', async () => {
    const receiver = await startReceiver()
    try {
      const endpoint = await call(a, 'POST', '/api/webhook-endpoints', { url: receiver.url, events: ['article.published'] })
      expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201)
      // Both instances run the job queues (with Redis one of them holds each tick) and dispatch the outbox right
      // after the writes they take: both can take the same outbox job and the same delivery job.
      const answeredAt = new Map<string, number>()
      for (let i = 0; i < 8; i++) {
        const published = await call(i % 2 ? b : a, 'POST', '/api/articles', { title: `Once ${i}`, origin: 'original', _status: 'published' })
        expect(published.status, JSON.stringify(published.body)).toBe(201)
        answeredAt.set(String(published.body.doc.id), Date.now())
      }
      const events = () => receiver.received.map((request) => ({ id: String(JSON.parse(request.body).data.id), webhookId: request.headers['webhook-id'], at: request.at }))
      for (const end = Date.now() + 30_000; new Set(events().map((event) => event.id)).size < answeredAt.size && Date.now() < end; ) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      // time for a second delivery of any of them (the webhooks queue runs every 2 s)
      await new Promise((resolve) => setTimeout(resolve, 5000))
      const received = events()
      expect(received.map((event) => event.id).toSorted()).toEqual([...answeredAt.keys()].toSorted())
      expect(new Set(received.map((event) => event.webhookId)).size).toBe(answeredAt.size)
      const waits = received.map((event) => event.at - answeredAt.get(event.id)!).toSorted((x, y) => x - y)
      console.log(`webhooks across two instances: ${received.length} publishes delivered once each, first attempt ${waits[0]}–${waits.at(-1)} ms after the publish's answer`)
      await call(a, 'DELETE', `/api/webhook-endpoints/${endpoint.body.doc.id}`)
    } finally {
      await receiver.close()
    }
  })

  it('SIGTERM to A under writes loses no acknowledged comment, and B keeps serving', async () => {
    const acknowledged: number[] = []
    const refusedByA: number[] = []
    let writing = true
    const writer = async (index: number) => {
      for (let i = 0; writing; i++) {
        const target = i % 4 === 3 ? b : a
        try {
          const response = await comment(target, articleId, `Under load ${index}-${i}`)
          if (response.status === 201) acknowledged.push((await response.json()).doc.id)
          else if (target === a) refusedByA.push(response.status)
          else await response.text()
        } catch {
          // A closed its listener: not acknowledged, nothing to check
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      }
    }
    const writers = Array.from({ length: 4 }, (_, index) => writer(index))
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const before = acknowledged.length
    a.process.kill('SIGTERM')
    const code = await a.exited
    await new Promise((resolve) => setTimeout(resolve, 1000))
    writing = false
    await Promise.all(writers)

    expect(code).toBe(0)
    expect(before).toBeGreaterThan(0)
    expect(a.output()).toMatch(/SIGTERM received/)
    // B kept serving during and after: it is ready and takes comments
    expect((await fetch(`${b.base}/readyz`)).status).toBe(200)
    expect((await comment(b, articleId, 'After A stopped')).status).toBe(201)
    // every comment any instance acknowledged is in the database, read through B
    const found = new Set<number>()
    for (let page = 1; ; page++) {
      const listed = await call(b, 'GET', `/api/comments?where[article][equals]=${articleId}&limit=100&page=${page}&depth=0`)
      for (const doc of listed.body.docs) found.add(doc.id)
      if (!listed.body.hasNextPage) break
    }
    const lost = acknowledged.filter((id) => !found.has(id))
    expect(lost).toEqual([])
    expect(acknowledged.length).toBeGreaterThan(before)
    // what A refused while stopping it refused with a 503 the client can retry, never a 500
    expect(refusedByA.filter((status) => status >= 500 && status !== 503)).toEqual([])
  })
})
