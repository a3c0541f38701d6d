import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OUTBOX_QUEUE } from '../../src/outbox'
import { WEBHOOKS_QUEUE } from '../../src/webhooks/slugs'
import { startTestApp, type TestApp } from '../helpers/app'
import { startReceiver, type Receiver } from './receiver'

// Two Payload instances on one database, both running the webhook queue at the same moment: Payload's runner can
// hand one job to both (it finds, then marks), so each attempt is claimed in one conditional write before sending.
let first: TestApp
let second: TestApp
let receiver: Receiver
const previousSetting = process.env.WEBHOOKS_ALLOW_PRIVATE

beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'true'
  const secret = crypto.randomBytes(24).toString('hex')
  first = await startTestApp({ label: 'webhooks_instances', secret })
  second = await startTestApp({ secret, database: first.database, instanceKey: 'second' })
  receiver = await startReceiver()
})
afterAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = previousSetting
  await receiver?.close()
  await second?.close()
  await first?.close()
})

describe('two instances on one database', () => {
  it('sends each delivery once when both run the queue together', async () => {
    const { token } = await first.userToken('admin@instances.test', ['admin'])
    const endpoint = await first.rest('POST', '/api/webhook-endpoints', { token, body: { url: receiver.url, events: ['tag.changed'] } })
    expect(endpoint.status).toBe(201)
    const ids: string[] = []
    for (let i = 0; i < 12; i++) {
      const queued = await (i % 2 ? second : first).rest('POST', `/api/webhook-endpoints/${endpoint.body.doc.id}/test`, { token })
      expect(queued.status).toBe(202)
      ids.push(queued.body.delivery.webhookId)
    }
    // Payload's own bookkeeping of a job both runners took may fail on the loser's side (it finds the job
    // completed and deleted): that runner's error is Payload's to log, not a second send.
    await Promise.allSettled([
      first.payload.jobs.run({ queue: WEBHOOKS_QUEUE, limit: 100 }),
      second.payload.jobs.run({ queue: WEBHOOKS_QUEUE, limit: 100 }),
      first.payload.jobs.run({ queue: WEBHOOKS_QUEUE, limit: 100 }),
      second.payload.jobs.run({ queue: WEBHOOKS_QUEUE, limit: 100 }),
    ])
    // A runner whose batch failed in Payload's bookkeeping returns while its other attempts are still sending.
    for (const end = Date.now() + 15_000; receiver.received.length < ids.length && Date.now() < end; ) {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    await new Promise((resolve) => setTimeout(resolve, 500))

    const received = receiver.received.map((request) => request.headers['webhook-id'])
    expect(received.toSorted()).toEqual(ids.toSorted())
    // Every delivery ends succeeded after one attempt, recorded once.
    for (const end = Date.now() + 5_000; Date.now() < end; ) {
      const done = await first.rest('GET', '/api/webhook-deliveries?limit=50&depth=0&where[status][equals]=succeeded', { token })
      if (done.body.totalDocs === ids.length) break
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    const deliveries = await first.rest('GET', '/api/webhook-deliveries?limit=50&depth=0', { token })
    expect(deliveries.body.docs.map((delivery: any) => [delivery.status, delivery.attemptCount, delivery.attempts.length])).toEqual(
      ids.map(() => ['succeeded', 1, 1]),
    )
  })

  it('fans a content event out once per endpoint when both run the outbox together', async () => {
    const { token } = await first.userToken('admin@outbox-instances.test', ['admin'])
    const endpoints: Array<number | string> = []
    for (let i = 0; i < 3; i++) {
      const created = await first.rest('POST', '/api/webhook-endpoints', { token, body: { url: `${receiver.url}?n=${i}`, events: ['section.changed'] } })
      expect(created.status).toBe(201)
      endpoints.push(created.body.doc.id)
    }
    receiver.received.length = 0
    const names = ['国际', '财经', '科技', '体育', '娱乐', '健康']
    for (const [i, name] of names.entries()) {
      const section = await (i % 2 ? second : first).rest('POST', '/api/sections', { token, body: { name } })
      expect(section.status).toBe(201)
    }
    // Both instances' runners take the outbox at the same moment: Payload's runner can hand one job to both.
    await Promise.allSettled([
      first.payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 }),
      second.payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 }),
      first.payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 }),
      second.payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 }),
    ])
    await Promise.allSettled([first.payload.jobs.run({ queue: WEBHOOKS_QUEUE, limit: 100 }), second.payload.jobs.run({ queue: WEBHOOKS_QUEUE, limit: 100 })])
    const expected = names.length * endpoints.length
    for (const end = Date.now() + 15_000; receiver.received.length < expected && Date.now() < end; ) {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    await new Promise((resolve) => setTimeout(resolve, 500))

    // each (section, endpoint) once, under one webhook-id
    const seen = receiver.received.map((request) => {
      const event = JSON.parse(request.body)
      return `${event.data.slug} → ${request.path}`
    })
    expect(seen.length).toBe(expected)
    expect(new Set(seen).size).toBe(expected)
    expect(new Set(receiver.received.map((request) => request.headers['webhook-id'])).size).toBe(expected)
    const rows = await first.rest('GET', `/api/webhook-deliveries?limit=100&depth=0&where[eventType][equals]=section.changed`, { token })
    expect(rows.body.totalDocs).toBe(expected)
  })
})

