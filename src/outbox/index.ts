import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { registeredConsumers, type ContentEventConsumer } from './consumers'
import type { ContentEvent } from './events'
import { revalidateSite } from './siteRevalidation'

export { onContentEvent, type ContentEventConsumer } from './consumers'
export * from './events'

/** The outbox's own queue: run every second and right after each write's response (see src/host/app.ts). */
export const OUTBOX_QUEUE = 'outbox'
export const OUTBOX_TASK = 'dispatchContentEvent'

/** Where the reader site takes revalidations (the plugin's `siteRevalidateUrl`), when there is one. */
const siteRevalidateUrl = (payload: Payload): string | undefined =>
  (payload.config.custom?.newsroom as { siteRevalidateUrl?: string } | undefined)?.siteRevalidateUrl || undefined

const consumersFor = (payload: Payload): ContentEventConsumer[] => {
  const url = siteRevalidateUrl(payload)
  const site: ContentEventConsumer[] = url ? [{ name: 'site-revalidation', handle: (event) => revalidateSite(url, event) }] : []
  return [...site, ...registeredConsumers()]
}

/**
 * Records a content event in the outbox: a job row written with `req`, so in the change's own transaction. A
 * change that rolls back leaves no event; one that commits is dispatched after the commit.
 */
export const recordContentEvent = async (req: PayloadRequest, event: ContentEvent): Promise<void> => {
  await req.payload.jobs.queue({ task: OUTBOX_TASK as never, queue: OUTBOX_QUEUE, input: { event } as never, req })
}

/** The outbox job: hands one committed event to every consumer, the site's revalidation first. */
export const dispatchContentEvent: TaskConfig<{ input: { event: ContentEvent }; output: { consumers: number } }> = {
  slug: OUTBOX_TASK,
  label: 'Announce a content change (site revalidation, webhooks)',
  inputSchema: [{ name: 'event', type: 'json', required: true }],
  outputSchema: [{ name: 'consumers', type: 'number' }],
  retries: 5,
  handler: async ({ input, req }) => {
    const consumers = consumersFor(req.payload)
    const failures: string[] = []
    for (const consumer of consumers) {
      try {
        await consumer.handle(input.event, req.payload)
      } catch (error) {
        failures.push(`${consumer.name}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    if (failures.length) throw new Error(failures.join('; '))
    return { output: { consumers: consumers.length } }
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
