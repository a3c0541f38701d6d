/**
 * Content events reach webhook receivers through the outbox: an editor's publish over REST is announced as
 * `article.published` to a receiver on loopback, signed so that the `standardwebhooks` package verifies it, only
 * after the commit; a publish the gate refuses announces nothing.
 */
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { OUTBOX_QUEUE } from '../../src/outbox'
import { WEBHOOKS_QUEUE } from '../../src/webhooks/slugs'
import { startTestApp, type TestApp } from '../helpers/app'
import { startReceiver, type Receiver } from './receiver'

let app: TestApp
let receiver: Receiver
let admin: string
let editor: string
const previousSetting = process.env.WEBHOOKS_ALLOW_PRIVATE

beforeAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = 'true'
  app = await startTestApp({ label: 'webhooks_content_events', plugin: { siteRevalidateUrl: undefined } })
  admin = (await app.userToken('admin@webhooks.test', ['admin'])).token
  editor = (await app.userToken('editor@webhooks.test', ['editor'])).token
  receiver = await startReceiver()
})
afterAll(async () => {
  process.env.WEBHOOKS_ALLOW_PRIVATE = previousSetting
  await receiver?.close()
  await app?.close()
})

/** What the jobs runner does after a commit: the outbox hands events to the webhooks, which send them. */
const runOutboxAndDeliveries = async () => {
  await app.payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
  await app.payload.jobs.run({ queue: WEBHOOKS_QUEUE, limit: 50 })
}

describe('content events to webhooks', () => {
  it('announces an editor’s publish as article.published, verified by standardwebhooks', async () => {
    const created = await app.rest('POST', '/api/webhook-endpoints', { token: admin, body: { url: receiver.url, events: ['article.published', 'article.updated'] } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const secret = created.body.doc.secret as string

    const draft = await app.rest('POST', '/api/articles', { token: editor, body: { title: 'A story for the webhooks', origin: 'original', _status: 'draft' } })
    expect(draft.status).toBe(201)
    await runOutboxAndDeliveries()
    expect(receiver.received).toHaveLength(0)

    const published = await app.rest('PATCH', `/api/articles/${draft.body.doc.id}`, { token: editor, body: { _status: 'published' } })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    await runOutboxAndDeliveries()
    expect(receiver.received).toHaveLength(1)
    const event = new Webhook(secret).verify(receiver.received[0]!.body, receiver.received[0]!.headers) as { type: string; data: Record<string, unknown> }
    expect(event.type).toBe('article.published')
    expect(event.data).toMatchObject({ collection: 'articles', id: draft.body.doc.id, slug: draft.body.doc.slug })
    expect(JSON.stringify(event)).not.toMatch(/@/)
  })

  it('announces nothing for a publish the gate refuses', async () => {
    const before = receiver.received.length
    const refused = await app.rest('POST', '/api/articles', {
      token: editor,
      body: { title: 'Republished without a source', origin: 'republished', _status: 'published' },
    })
    expect(refused.status).toBe(400)
    await runOutboxAndDeliveries()
    expect(receiver.received.length).toBe(before)
  })
})
