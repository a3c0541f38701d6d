import crypto from 'node:crypto'

import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { registeredConsumers, type ContentEventConsumer } from './consumers'
import type { ContentEvent } from './events'
import { kickQueue } from '../jobs/kick'
import { REPLICA_REPLAY_WAIT_MS, replicasReplayed } from '../host/replicas'
import { inOwnTransaction } from '../transaction'
import { queueWebhookDeliveries } from '../webhooks/queue'
import type { WebhookEvent } from '../webhooks/events'
import { WEBHOOKS_QUEUE } from '../webhooks/slugs'
import { revalidateSite } from './siteRevalidation'

export { onContentEvent, type ContentEventConsumer, type ContentEventMeta } from './consumers'
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

/** Jobs of the webhooks queue one kick runs (as its scheduled run does). */
const WEBHOOKS_KICK_LIMIT = 20

/**
 * The webhooks' consumer: one delivery row per subscribed endpoint and one job for their first attempts, written in
 * one transaction (the outbox job's own writes are not in one), then the webhooks queue run at once rather than at
 * its next 2-second tick. Each row carries the event's id: a second runner handed the same outbox job inserts none.
 */
const webhooksConsumer: ContentEventConsumer = {
  name: 'webhooks',
  handle: async (event, payload, req, { id }) => {
    const queued = req.transactionID
      ? await queueWebhookDeliveries(req, asWebhookEvent(event), id)
      : await inOwnTransaction(req, () => queueWebhookDeliveries(req, asWebhookEvent(event), id))
    if (queued && !req.transactionID) void kickQueue(payload, WEBHOOKS_QUEUE, WEBHOOKS_KICK_LIMIT)
  },
}

const SITE_CONSUMER = 'site-revalidation'

/**
 * Who hears of a committed change: the reader site's revalidation first, then the signed webhooks (one delivery row
 * and job per subscribed endpoint, written here, after the commit), then any registered consumer.
 */
const consumersFor = (payload: Payload): ContentEventConsumer[] => {
  const url = siteRevalidateUrl(payload)
  const site: ContentEventConsumer[] = url ? [{ name: SITE_CONSUMER, handle: (event) => revalidateSite(url, event) }] : []
  return [...site, webhooksConsumer, ...registeredConsumers()]
}

/** How many times one consumer is handed an event before the outbox gives up on it (with an error in the log). */
const MAX_CONSUMER_ATTEMPTS = 6

/** Events already recorded by a request (by type and data). */
const recordedInRequest = new WeakMap<PayloadRequest, Set<string>>()

/**
 * Records a content event in the outbox: a job row written with `req`, so in the change's own transaction. A
 * change that rolls back leaves no event; one that commits is dispatched after the commit.
 */
export const recordContentEvent = async (req: PayloadRequest, event: ContentEvent): Promise<void> => {
  // One save can run the hooks twice (the nested-docs plugin saves a new section again, with the same req, to
  // complete its breadcrumbs): the same event twice in one request is recorded once.
  const key = JSON.stringify([event.type, event.data])
  let recorded = recordedInRequest.get(req)
  if (!recorded) recordedInRequest.set(req, (recorded = new Set()))
  if (recorded.has(key)) return
  recorded.add(key)
  await req.payload.jobs.queue({ task: OUTBOX_TASK as never, queue: OUTBOX_QUEUE, input: { event, eventId: crypto.randomUUID() } as never, req })
}

/** The outbox job: hands one committed event to every consumer, the site's revalidation first. */
export const dispatchContentEvent: TaskConfig<{
  input: { event: ContentEvent; eventId?: string; only?: string[]; attempt?: number }
  output: { consumers: number }
}> = {
  slug: OUTBOX_TASK,
  label: 'Announce a content change (site revalidation, webhooks)',
  inputSchema: [
    { name: 'event', type: 'json', required: true },
    // Given when the event is recorded and kept by its retries: what consumers deduplicate on.
    { name: 'eventId', type: 'text' },
    // A retry names the consumers that failed, so those that succeeded (a webhook fan-out) are not repeated.
    { name: 'only', type: 'json' },
    { name: 'attempt', type: 'number' },
  ],
  outputSchema: [{ name: 'consumers', type: 'number' }],
  handler: async ({ input, job, req }) => {
    const only = Array.isArray(input.only) ? input.only : undefined
    // (an event recorded before events had ids: its job's id, the same for every runner handed that job)
    const meta = { id: input.eventId || `job-${job.id}` }
    const consumers = consumersFor(req.payload).filter((consumer) => !only || only.includes(consumer.name))
    // Everyone told re-reads public content, which the read replicas serve: announce the change once they have it.
    const replayed = await replicasReplayed(req.payload)
    const failed: string[] = []
    const reasons: string[] = []
    for (const consumer of consumers) {
      try {
        await consumer.handle(input.event, req.payload, req, meta)
      } catch (error) {
        failed.push(consumer.name)
        reasons.push(`${consumer.name}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    if (!replayed && consumers.some((consumer) => consumer.name === SITE_CONSUMER) && !failed.includes(SITE_CONSUMER)) {
      // A page rendered now from a replica still behind would be cached until the next change: told again later.
      failed.push(SITE_CONSUMER)
      reasons.push(`${SITE_CONSUMER}: the read replicas had not replayed the change within ${REPLICA_REPLAY_WAIT_MS} ms`)
    }
    if (failed.length) {
      const attempt = (input.attempt ?? 1) + 1
      if (attempt > MAX_CONSUMER_ATTEMPTS) throw new Error(`outbox: gave up after ${MAX_CONSUMER_ATTEMPTS} attempts: ${reasons.join('; ')}`)
      req.payload.logger.warn({ msg: `outbox: ${reasons.join('; ')}; handing the event to ${failed.join(', ')} again` })
      const waitUntil = new Date(Date.now() + 2 ** attempt * 1000)
      await req.payload.jobs.queue({
        task: OUTBOX_TASK as never,
        queue: OUTBOX_QUEUE,
        input: { event: input.event, eventId: meta.id, only: failed, attempt } as never,
        waitUntil,
        req,
      })
    }
    return { output: { consumers: consumers.length - failed.length } }
  },
}

/** Jobs of the outbox one kick runs (as its scheduled run does). */
const OUTBOX_KICK_LIMIT = 50

/**
 * Dispatches the outbox now (after a write's response, i.e. after its commit), coalescing calls: at most one run
 * at a time per Payload instance, and one more when a kick arrives during a run. Only where jobs may run
 * (`NEWSROOM_RUN_JOBS`, and with Redis the instance running this tick's jobs; the others leave it to that one).
 */
export const kickOutbox = (payload: Payload): Promise<void> => kickQueue(payload, OUTBOX_QUEUE, OUTBOX_KICK_LIMIT)
