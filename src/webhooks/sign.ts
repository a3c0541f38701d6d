import crypto from 'node:crypto'

import { Webhook } from 'standardwebhooks'

export interface SignedHeaders {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/** A message id in the style of the Standard Webhooks examples; the same for every attempt of one delivery. */
export const newWebhookId = (): string => `msg_${crypto.randomUUID().replace(/-/g, '')}`

/**
 * Standard Webhooks headers for one attempt: `v1,<base64 HMAC-SHA256 of id.timestamp.body>` once per secret,
 * space-separated, so a receiver holding either secret verifies the request during a rotation.
 */
export const signWebhook = (secrets: string[], id: string, body: string, at: Date = new Date()): SignedHeaders => {
  if (!secrets.length) throw new Error('signWebhook: the endpoint has no secret')
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body))
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  }
}
