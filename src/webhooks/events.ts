import { CONTENT_EVENT_TYPES } from '../outbox/events'

/** Content events a site can subscribe to (the outbox's, one list); `webhook.test` is sent on demand only. */
export const CONTENT_EVENTS = CONTENT_EVENT_TYPES

export const TEST_EVENT = 'webhook.test' as const

export const WEBHOOK_EVENTS = [...CONTENT_EVENTS, TEST_EVENT] as const

export type ContentEventType = (typeof CONTENT_EVENTS)[number]
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number]

/**
 * What a site receives: a thin payload with ids, slugs, the collection, and the site paths and cache tags that
 * changed. Never personal data.
 */
export interface WebhookEvent<T extends string = WebhookEventType> {
  type: T
  /** ISO 8601 time of the change. */
  timestamp: string
  data: {
    collection?: string
    id?: string | number
    slug?: string
    paths?: string[]
    tags?: string[]
    [key: string]: unknown
  }
}

export const isWebhookEventType = (value: unknown): value is WebhookEventType =>
  typeof value === 'string' && (WEBHOOK_EVENTS as readonly string[]).includes(value)
