import crypto from 'node:crypto'

import { APIError, type CollectionConfig } from 'payload'
import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { releaseStalledJobs } from '../../src/jobs/releaseStalledJobs'
import { OUTBOX_QUEUE } from '../../src/outbox'
import { claimAttempt } from '../../src/webhooks/claim'
import { deliverAttempt } from '../../src/webhooks/deliver'
import { queueWebhookDeliveries } from '../../src/webhooks/queue'
import { MAX_ATTEMPTS } from '../../src/webhooks/schedule'
import { WEBHOOKS_QUEUE } from '../../src/webhooks/slugs'
import { startTestApp, type TestApp } from '../helpers/app'
import { startReceiver, type Receiver } from './receiver'

// A test-only collection whose afterChange announces `article.published` the way the outbox hooks will: with the
// change's req, inside its transaction. A second afterChange refuses documents marked `refuse`, after the queueing,
// so the whole change (and the queued delivery) is rolled back.
const Notes: CollectionConfig = {
  slug: 'webhook-test-notes',
  access: { create: () => true, read: () => true },
  hooks: {
    afterChange: [
      async ({ doc, req }) => {
        await queueWebhookDeliveries(req, {
          type: 'article.published',
          timestamp: new Date().toISOString(),
          data: { collection: 'articles', id: doc.id, slug: doc.slug, paths: [`/articles/${doc.slug}`], tags: [`article:${doc.id}`] },
        })
        return doc
      },
      ({ doc }) => {
        // a refusal as the product's hooks give it (400): the test is about the rollback, not about a 500
        if (doc.refuse) throw new APIError('refused after the event was queued', 400, undefined, true)
        return doc
      },
    ],
  },
  fields: [
    { name: 'slug', type: 'text' },
    { name: 'refuse', type: 'checkbox' },
  ],
}

let app: TestApp
let receiver: Receiver
let admin: string
const previousSetting = process.env.WEBHOOKS_ALLOW_PRIVATE

beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'true'
  app = await startTestApp({ label: 'webhooks_delivery', collections: [Notes] })
  admin = (await app.userToken('admin@webhooks.test', ['admin'])).token
})
afterAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = previousSetting
  await app?.close()
})
beforeEach(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'true'
  receiver = await startReceiver()
})
afterEach(async () => {
  await receiver.close()
  // Endpoints of one test must not receive the next test's events.
  await app.payload.delete({ collection: 'webhook-endpoints' as never, where: { id: { exists: true } }, overrideAccess: true })
})

const createEndpoint = async (url: string, events: string[] = ['article.published']) => {
  const created = await app.rest('POST', '/api/webhook-endpoints', { token: admin, body: { url, events } })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return created.body.doc as { id: number | string; secret: string }
}

const runDeliveries = () => app.payload.jobs.run({ queue: WEBHOOKS_QUEUE, limit: 100 })

const deliveriesOf = async (endpoint: string | number) =>
  (await app.rest('GET', `/api/webhook-deliveries?where[endpoint][equals]=${endpoint}&depth=0&sort=createdAt`, { token: admin })).body.docs as any[]

/** Runs the queue until `done` holds or the time is up (retries wait in the queue until their time). */
const runUntil = async (done: () => boolean, ms: number) => {
  const end = Date.now() + ms
  while (!done() && Date.now() < end) {
    await runDeliveries()
    if (!done()) await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

describe('signed delivery', () => {
  it('sends a webhook.test event that the standardwebhooks package verifies', async () => {
    const endpoint = await createEndpoint(receiver.url)
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(Buffer.from(endpoint.secret.slice(6), 'base64')).toHaveLength(32)

    const queued = await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`, { token: admin })
    expect(queued.status).toBe(202)
    await runDeliveries()

    expect(receiver.received).toHaveLength(1)
    const [request] = receiver.received
    const verified = new Webhook(endpoint.secret).verify(request!.body, request!.headers) as any
    expect(verified.type).toBe('webhook.test')
    expect(request!.headers['webhook-id']).toBe(queued.body.delivery.webhookId)
    expect(() => new Webhook(`whsec_${crypto.randomBytes(32).toString('base64')}`).verify(request!.body, request!.headers)).toThrow()

    const [delivery] = await deliveriesOf(endpoint.id)
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 1, eventType: 'webhook.test' })
    expect(delivery.attempts[0]).toMatchObject({ statusCode: 200, response: 'ok' })
  })

  it('delivers a content event queued in a change, and retries a 500 with the same webhook-id after the backoff', async () => {
    const endpoint = await createEndpoint(receiver.url)
    receiver.answers.push({ status: 500, body: 'x'.repeat(5000) })

    const note = await app.rest('POST', '/api/webhook-test-notes', { body: { slug: 'first-story' } })
    expect(note.status).toBe(201)
    await runDeliveries()
    expect(receiver.received).toHaveLength(1)

    await runUntil(() => receiver.received.length >= 2, 15_000)
    expect(receiver.received).toHaveLength(2)
    const [first, second] = receiver.received
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id'])
    // About 5 s (±20 % jitter) between the first attempt and the retry.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(4000)
    const event = new Webhook(endpoint.secret).verify(second!.body, second!.headers) as any
    expect(event).toMatchObject({ type: 'article.published', data: { id: note.body.doc.id, slug: 'first-story', tags: [`article:${note.body.doc.id}`] } })

    const [delivery] = await deliveriesOf(endpoint.id)
    expect(delivery.status).toBe('succeeded')
    expect(delivery.attempts.map((attempt: any) => attempt.statusCode)).toEqual([500, 200])
    expect(delivery.attempts[0].response).toHaveLength(1024)
  })

  // SQLite runs without transactions in this app (Payload's SQLite adapter default): there the change itself stays.
  it.skipIf(!process.env.DATABASE_URI?.startsWith('postgres'))('sends nothing for a change that is rolled back (PostgreSQL)', async () => {
    const endpoint = await createEndpoint(receiver.url)
    const refused = await app.rest('POST', '/api/webhook-test-notes', { body: { slug: 'never', refuse: true } })
    expect(refused.status).toBeGreaterThanOrEqual(400)
    const notes = await app.rest('GET', '/api/webhook-test-notes?where[slug][equals]=never')
    expect(notes.body.totalDocs).toBe(0)
    await runDeliveries()
    expect(receiver.received).toHaveLength(0)
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0)
  })

  it('signs with both the old and the new secret for a day after a rotation', async () => {
    const endpoint = await createEndpoint(receiver.url)
    const rotated = await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/rotate-secret`, { token: admin })
    expect(rotated.status).toBe(200)
    const newSecret = rotated.body.doc.secret as string
    expect(newSecret).not.toBe(endpoint.secret)
    expect(rotated.body.doc.previousSecret).toBe(endpoint.secret)
    const overlap = new Date(rotated.body.doc.previousSecretExpiresAt).getTime() - Date.now()
    expect(overlap).toBeGreaterThan(23.9 * 3600_000)
    expect(overlap).toBeLessThanOrEqual(24 * 3600_000)

    await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`, { token: admin })
    await runDeliveries()
    const [request] = receiver.received
    expect(request!.headers['webhook-signature']!.split(' ')).toHaveLength(2)
    expect(new Webhook(endpoint.secret).verify(request!.body, request!.headers)).toMatchObject({ type: 'webhook.test' })
    expect(new Webhook(newSecret).verify(request!.body, request!.headers)).toMatchObject({ type: 'webhook.test' })
  })

  it('keeps the secret out of clients’ hands: a secret sent on create or update is ignored', async () => {
    const chosen = `whsec_${Buffer.alloc(32, 1).toString('base64')}`
    const created = await app.rest('POST', '/api/webhook-endpoints', { token: admin, body: { url: receiver.url, events: ['tag.changed'], secret: chosen } })
    expect(created.body.doc.secret).not.toBe(chosen)
    const updated = await app.rest('PATCH', `/api/webhook-endpoints/${created.body.doc.id}`, { token: admin, body: { secret: chosen, description: 'x' } })
    expect(updated.body.doc.secret).toBe(created.body.doc.secret)
  })
})

describe('what the receiver answers', () => {
  it('disables the endpoint on 410 Gone, with the reason', async () => {
    const endpoint = await createEndpoint(receiver.url)
    receiver.answers.push({ status: 410 })
    await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`, { token: admin })
    await runDeliveries()
    const stored = await app.rest('GET', `/api/webhook-endpoints/${endpoint.id}`, { token: admin })
    expect(stored.body.active).toBe(false)
    expect(stored.body.disabledReason).toMatch(/410/)
    const [delivery] = await deliveriesOf(endpoint.id)
    expect(delivery.status).toBe('failed')
    // A disabled endpoint gets no more events.
    await app.rest('POST', '/api/webhook-test-notes', { body: { slug: 'after-gone' } })
    await runDeliveries()
    expect(receiver.received).toHaveLength(1)
  })

  it('waits as long as a 429’s Retry-After asks', async () => {
    const endpoint = await createEndpoint(receiver.url)
    receiver.answers.push({ status: 429, headers: { 'Retry-After': '120' } })
    await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`, { token: admin })
    const before = Date.now()
    await runDeliveries()
    const [delivery] = await deliveriesOf(endpoint.id)
    expect(delivery.status).toBe('pending')
    const wait = new Date(delivery.nextAttemptAt).getTime() - before
    // 120 s as asked, not the schedule's 5 s.
    expect(wait).toBeGreaterThan(115_000)
    expect(wait).toBeLessThan(125_000)
  })
})

describe('giving up', () => {
  it('marks a delivery failed after the last attempt and e-mails the admins', async () => {
    const endpoint = await createEndpoint(receiver.url)
    const queued = await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`, { token: admin })
    const deliveryId = queued.body.delivery.id
    // As if the first seven attempts had failed: the job of the eighth runs now.
    await app.payload.update({ collection: 'webhook-deliveries' as never, id: deliveryId, data: { attemptCount: MAX_ATTEMPTS - 1 } as never, overrideAccess: true })
    receiver.answers.push({ status: 500 })
    const sendEmail = vi.spyOn(app.payload, 'sendEmail')
    try {
      expect(await deliverAttempt(app.payload, deliveryId, MAX_ATTEMPTS)).toBe('failed')
      const [delivery] = await deliveriesOf(endpoint.id)
      expect(delivery).toMatchObject({ status: 'failed', attemptCount: MAX_ATTEMPTS, lastError: 'HTTP 500' })
      expect(sendEmail).toHaveBeenCalledTimes(1)
      expect(sendEmail.mock.calls[0]![0]).toMatchObject({ to: ['admin@webhooks.test'], subject: expect.stringContaining('webhook.test') })
      // The leftover first-attempt job finds the delivery already past it and sends nothing.
      await runDeliveries()
      expect(receiver.received).toHaveLength(1)
    } finally {
      sendEmail.mockRestore()
    }
  })

  it('disables an endpoint that has failed for three days, with the reason', async () => {
    const endpoint = await createEndpoint(receiver.url)
    const fourDaysAgo = new Date(Date.now() - 4 * 24 * 3600_000).toISOString()
    await app.payload.update({ collection: 'webhook-endpoints' as never, id: endpoint.id, data: { failingSince: fourDaysAgo } as never, overrideAccess: true })
    receiver.answers.push({ status: 502 })
    await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`, { token: admin })
    await runDeliveries()
    const stored = await app.rest('GET', `/api/webhook-endpoints/${endpoint.id}`, { token: admin })
    expect(stored.body.active).toBe(false)
    expect(stored.body.disabledReason).toMatch(/failed since .*HTTP 502/)
    // Switching it back on starts a new count.
    const reactivated = await app.rest('PATCH', `/api/webhook-endpoints/${endpoint.id}`, { token: admin, body: { active: true } })
    expect(reactivated.body.doc).toMatchObject({ active: true, failingSince: null, disabledReason: null })
  })
})

describe('retention', () => {
  it('sweeps deliveries older than 30 days and keeps the rest', async () => {
    const endpoint = await createEndpoint(receiver.url)
    const old = new Date(Date.now() - 31 * 24 * 3600_000).toISOString()
    const recent = new Date(Date.now() - 29 * 24 * 3600_000).toISOString()
    for (const [webhookId, at] of [['msg_old', old], ['msg_recent', recent]]) {
      await app.payload.db.create({
        collection: 'webhook-deliveries' as never,
        data: { endpoint: endpoint.id, eventType: 'webhook.test', webhookId, payload: {}, status: 'succeeded', attemptCount: 1, attempts: [], createdAt: at, updatedAt: at },
      })
    }
    await app.payload.jobs.queue({ task: 'sweepWebhookDeliveries' as never, queue: 'newsroom', input: {} as never })
    await app.payload.jobs.run({ queue: 'newsroom' })
    const left = (await deliveriesOf(endpoint.id)).map((delivery) => delivery.webhookId)
    expect(left).toEqual(['msg_recent'])
  })
})

describe('deleted while sending', () => {
  it('leaves a delivery an admin deleted while it was being sent deleted', async () => {
    const endpoint = await createEndpoint(receiver.url)
    const queued = await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`, { token: admin })
    expect(queued.status).toBe(202)
    // the receiver takes its time; the admin deletes the delivery meanwhile
    receiver.answers.push({ status: 200, delayMs: 300 })
    const running = runDeliveries()
    for (const end = Date.now() + 5_000; receiver.received.length === 0 && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(receiver.received).toHaveLength(1)
    expect((await app.rest('DELETE', `/api/webhook-deliveries/${queued.body.delivery.id}`, { token: admin })).status).toBe(200)
    await running
    expect(await deliveriesOf(endpoint.id)).toEqual([])
  })
})

describe('a runner that dies while running a job', () => {
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000)
  /** What a runner that took the queue's jobs and then died leaves behind: the jobs taken, long ago. */
  const abandon = (where: Record<string, unknown>) =>
    app.payload.db.updateJobs({ where: where as never, data: { processing: true, updatedAt: minutesAgo(3).toISOString() }, returning: false })

  it('an outbox job it had taken is handed back, and the event reaches the endpoint once', async () => {
    await createEndpoint(receiver.url, ['tag.changed'])
    const tag = await app.rest('POST', '/api/tags', { token: admin, body: { name: 'Abandoned outbox' } })
    expect(tag.status).toBe(201)
    await abandon({ queue: { equals: OUTBOX_QUEUE } })
    await app.payload.jobs.run({ queue: OUTBOX_QUEUE })
    await runDeliveries()
    expect(receiver.received).toHaveLength(0)

    expect(await releaseStalledJobs(app.payload)).toBeGreaterThanOrEqual(1)
    await app.payload.jobs.run({ queue: OUTBOX_QUEUE })
    await runDeliveries()
    expect(receiver.received.map((request) => JSON.parse(request.body).data.slug)).toEqual([tag.body.doc.slug])
    // handed back once: a second sweep finds nothing more of it, and nothing is sent again
    await releaseStalledJobs(app.payload)
    await app.payload.jobs.run({ queue: OUTBOX_QUEUE })
    await runDeliveries()
    expect(receiver.received).toHaveLength(1)
  })

  it('an attempt it had claimed is taken over once the claim is stale, not before', async () => {
    const endpoint = await createEndpoint(receiver.url)
    const queued = await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`, { token: admin })
    const id = queued.body.delivery.id
    // died a moment ago, after claiming: the claim still holds
    expect(await claimAttempt(app.payload, id, 1)).toBe(true)
    await runDeliveries()
    expect(receiver.received).toHaveLength(0)
    // died three minutes ago, after claiming and taking the job
    await app.payload.db.updateOne({ collection: 'webhook-deliveries' as never, id, data: { claimedAt: minutesAgo(3).toISOString() }, returning: false })
    const job = (await app.payload.jobs.queue({ task: 'deliverWebhook' as never, queue: WEBHOOKS_QUEUE, input: { deliveryId: String(id), attempt: 1 } as never })) as { id: number | string }
    await abandon({ id: { equals: job.id } })
    await runDeliveries()
    expect(receiver.received).toHaveLength(0)

    expect(await releaseStalledJobs(app.payload)).toBe(1)
    await runDeliveries()
    expect(receiver.received.map((request) => request.headers['webhook-id'])).toEqual([queued.body.delivery.webhookId])
    const [delivery] = await deliveriesOf(endpoint.id)
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 1 })
    expect(delivery.attempts).toHaveLength(1)
  })
})

describe('private addresses', () => {
  it('refuses a loopback endpoint at send time without WEBHOOKS_ALLOW_PRIVATE, by address and by name', async () => {
    const endpoints = [
      await createEndpoint(receiver.url),
      await createEndpoint(`https://127.0.0.1:${receiver.port}/hook`),
      // A name that resolves to loopback: refused by the lookup the connection itself uses (no rebinding window).
      await createEndpoint(`https://localhost:${receiver.port}/hook`),
    ]
    process.env.WEBHOOKS_ALLOW_PRIVATE = 'false'
    for (const endpoint of endpoints) {
      const queued = await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`, { token: admin })
      expect(queued.status, JSON.stringify(queued.body)).toBe(202)
    }
    await runDeliveries()
    expect(receiver.received).toHaveLength(0)
    for (const endpoint of endpoints) {
      const [delivery] = await deliveriesOf(endpoint.id)
      expect(delivery.attempts).toHaveLength(1)
      expect(delivery.attempts[0].error).toMatch(/refused/)
      expect(delivery.attempts[0].statusCode ?? null).toBeNull()
    }
  })

  it('refuses to save an http endpoint without the setting', async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = 'false'
    const refused = await app.rest('POST', '/api/webhook-endpoints', { token: admin, body: { url: receiver.url, events: ['tag.changed'] } })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toMatch(/https/)
  })
})

describe('access over HTTP', () => {
  it('lets admins only list, create, test, rotate and resend', async () => {
    const endpoint = await createEndpoint(receiver.url)
    const queued = await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`, { token: admin })
    await runDeliveries()
    const deliveryId = queued.body.delivery.id
    const resent = await app.rest('POST', `/api/webhook-deliveries/${deliveryId}/resend`, { token: admin })
    expect(resent.status).toBe(202)
    expect(resent.body.delivery.webhookId).toBe(queued.body.delivery.webhookId)

    for (const role of ['editor', 'author', 'moderator']) {
      const { token } = await app.userToken(`${role}@webhooks.test`, [role])
      for (const path of ['/api/webhook-endpoints', '/api/webhook-deliveries']) {
        const list = await app.rest('GET', path, { token })
        expect(list.status, `${role} GET ${path}`).toBe(403)
      }
      expect((await app.rest('GET', `/api/webhook-endpoints/${endpoint.id}`, { token })).status).toBe(403)
      expect((await app.rest('POST', '/api/webhook-endpoints', { token, body: { url: receiver.url, events: ['tag.changed'] } })).status).toBe(403)
      expect((await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`, { token })).status).toBe(403)
      expect((await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/rotate-secret`, { token })).status).toBe(403)
      expect((await app.rest('POST', `/api/webhook-deliveries/${deliveryId}/resend`, { token })).status).toBe(403)
    }
    expect((await app.rest('GET', '/api/webhook-endpoints')).status).toBe(403)
    expect((await app.rest('POST', `/api/webhook-endpoints/${endpoint.id}/test`)).status).toBe(401)
    expect((await app.rest('POST', `/api/webhook-deliveries/${deliveryId}/resend`)).status).toBe(401)
    // Deliveries are written by the job only, also for admins.
    expect((await app.rest('POST', '/api/webhook-deliveries', { token: admin, body: { webhookId: 'x', eventType: 'webhook.test', payload: {} } })).status).toBe(403)
    expect((await app.rest('POST', `/api/webhook-endpoints/999999/test`, { token: admin })).status).toBe(404)
  })
})
