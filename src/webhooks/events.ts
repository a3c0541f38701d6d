/** Content events a site can subscribe to; `webhook.test` is sent on demand only. */
export const CONTENT_EVENTS = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.deleted',
  'comment.approved',
  'comment.removed',
  'comment.held',
  'section.changed',
  'tag.changed',
  'settings.changed',
  'source.changed',
] as const

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
