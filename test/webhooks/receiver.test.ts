import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'

import { generateWebhookSecret } from '../../src/webhooks/secrets'
import { signWebhook } from '../../src/webhooks/sign'
import { createRevalidateRoute, verifyWebhook } from '../../src/webhooks/receiver'

const event = { type: 'article.updated', timestamp: '2026-12-02T10:00:00.000Z', data: { collection: 'articles', id: 7, tags: ['article:7', 'articles'] } }

const signedRequest = (secret: string, body = JSON.stringify(event), at = new Date()) =>
  new Request('https://site.example/api/newsroom-webhook', { method: 'POST', headers: { ...signWebhook([secret], 'msg_1', body, at) }, body })

describe('payload-newsroom/webhooks', () => {
  it('verifies what we sign, also what standardwebhooks signs, and refuses a forged or stale request', () => {
    const secret = generateWebhookSecret()
    const body = JSON.stringify(event)
    const headers = signWebhook([secret], 'msg_1', body)
    expect(verifyWebhook(secret, headers, body)).toEqual(event)
    expect(verifyWebhook(secret, new Headers(headers as never), Buffer.from(body))).toEqual(event)
    const theirs = new Webhook(secret).sign('msg_2', new Date(), body)
    expect(verifyWebhook(secret, { ...headers, 'webhook-id': 'msg_2', 'webhook-signature': theirs }, body)).toEqual(event)
    expect(() => verifyWebhook(secret, headers, body.replace('7', '8'))).toThrow()
    expect(() => verifyWebhook(generateWebhookSecret(), headers, body)).toThrow()
    const stale = signWebhook([secret], 'msg_1', body, new Date(Date.now() - 10 * 60_000))
    expect(() => verifyWebhook(secret, stale, body)).toThrow()
  })

  it('revalidates the tags a verified event names and answers 401 to anything else', async () => {
    const secret = generateWebhookSecret()
    const revalidated: string[] = []
    const route = createRevalidateRoute({ secret, revalidateTag: (tag) => void revalidated.push(tag) })
    const ok = await route(signedRequest(secret))
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ received: 'article.updated', revalidated: ['article:7', 'articles'] })
    expect(revalidated).toEqual(['article:7', 'articles'])

    const forged = await route(signedRequest(generateWebhookSecret()))
    expect(forged.status).toBe(401)
    expect(revalidated).toHaveLength(2)
  })
})
