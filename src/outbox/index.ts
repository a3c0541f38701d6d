import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { registeredConsumers, type ContentEventConsumer } from './consumers'
import type { ContentEvent } from './events'
import { queueWebhookDeliveries } from '../webhooks/queue'
import type { WebhookEvent } from '../webhooks/events'
import { revalidateSite } from './siteRevalidation'

export { onContentEvent, type ContentEventConsumer } from './consumers'
export * from './events'

/** The outbox's own queue: run every second and right after each write's response (see src/host/app.ts). */
export const OUTBOX_QUEUE = 'outbox'
export const OUTBOX_TASK = 'dispatchContentEvent'

/** Where the reader site takes revalidations (the plugin's `siteRevalidateUrl`), when there is one. */
const siteRevalidateUrl = (payload: Payload): string | undefined =>
  (payload.config.custom?.newsroom as { siteRevalidateUrl?: string } | undefined)?.siteRevalidateUrl || undefined

/** A content event as the webhooks send it (no nulls in its data). */
const asWebhookEvent = (event: ContentEvent): WebhookEvent => ({
  type: event.type,
  timestamp: event.timestamp,
  data: {
    collection: event.data.collection,
    ...(event.data.id !== null ? { id: event.data.id } : {}),
    ...(event.data.slug !== null ? { slug: event.data.slug } : {}),
    paths: event.data.paths,
    tags: event.data.tags,
  },
})

/**
 * Who hears of a committed change: the reader site's revalidation first, then the signed webhooks (one delivery row
 * and job per subscribed endpoint, written here, after the commit), then any registered consumer.
 */
const consumersFor = (payload: Payload): ContentEventConsumer[] => {
  const url = siteRevalidateUrl(payload)
  const site: ContentEventConsumer[] = url ? [{ name: 'site-revalidation', handle: (event) => revalidateSite(url, event) }] : []
  const webhooks: ContentEventConsumer = { name: 'webhooks', handle: async (event, _payload, req) => void (await queueWebhookDeliveries(req, asWebhookEvent(event))) }
  return [...site, webhooks, ...registeredConsumers()]
}

/** How many times one consumer is handed an event before the outbox gives up on it (with an error in the log). */
const MAX_CONSUMER_ATTEMPTS = 6

/**
 * Records a content event in the outbox: a job row written with `req`, so in the change's own transaction. A
 * change that rolls back leaves no event; one that commits is dispatched after the commit.
 */
export const recordContentEvent = async (req: PayloadRequest, event: ContentEvent): Promise<void> => {
  await req.payload.jobs.queue({ task: OUTBOX_TASK as never, queue: OUTBOX_QUEUE, input: { event } as never, req })
}

/** The outbox job: hands one committed event to every consumer, the site's revalidation first. */
export const dispatchContentEvent: TaskConfig<{ input: { event: ContentEvent; only?: string[]; attempt?: number }; output: { consumers: number } }> = {
  slug: OUTBOX_TASK,
  label: 'Announce a content change (site revalidation, webhooks)',
  inputSchema: [
    { name: 'event', type: 'json', required: true },
    // A retry names the consumers that failed, so those that succeeded (a webhook fan-out) are not repeated.
    { name: 'only', type: 'json' },
    { name: 'attempt', type: 'number' },
  ],
  outputSchema: [{ name: 'consumers', type: 'number' }],
  handler: async ({ input, req }) => {
    const only = Array.isArray(input.only) ? input.only : undefined
    const consumers = consumersFor(req.payload).filter((consumer) => !only || only.includes(consumer.name))
    const failed: string[] = []
    const reasons: string[] = []
    for (const consumer of consumers) {
      try {
        await consumer.handle(input.event, req.payload, req)
      } catch (error) {
        failed.push(consumer.name)
        reasons.push(`${consumer.name}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    if (failed.length) {
      const attempt = (input.attempt ?? 1) + 1
      if (attempt > MAX_CONSUMER_ATTEMPTS) throw new Error(`outbox: gave up after ${MAX_CONSUMER_ATTEMPTS} attempts: ${reasons.join('; ')}`)
      req.payload.logger.warn({ msg: `outbox: ${reasons.join('; ')}; handing the event to ${failed.join(', ')} again` })
      const waitUntil = new Date(Date.now() + 2 ** attempt * 1000)
      await req.payload.jobs.queue({ task: OUTBOX_TASK as never, queue: OUTBOX_QUEUE, input: { event: input.event, only: failed, attempt } as never, waitUntil, req })
    }
    return { output: { consumers: consumers.length - failed.length } }
  },
}

const running = new WeakMap<Payload, { active: Promise<void>; again: boolean }>()

/**
 * Dispatches the outbox now (after a write's response, i.e. after its commit), coalescing calls: at most one run
 * at a time per Payload instance, and one more when a kick arrives during a run.
 */
export const kickOutbox = (payload: Payload): Promise<void> => {
  const current = running.get(payload)
  if (current) {
    current.again = true
    return current.active
  }
  const state = { again: false, active: Promise.resolve() }
  state.active = (async () => {
    try {
      do {
        state.again = false
        await payload.jobs.run({ queue: OUTBOX_QUEUE, limit: 50 })
      } while (state.again)
    } catch (error) {
      payload.logger.error({ err: error }, 'outbox: dispatch failed')
    } finally {
      running.delete(payload)
    }
  })()
  running.set(payload, state)
  return state.active
}
