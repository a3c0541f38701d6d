import type { Payload, PayloadRequest } from 'payload'

import type { ContentEvent } from './events'

/** What comes with an event besides its content. */
export interface ContentEventMeta {
  /**
   * The event's id, the same on every hand-over of this event. Delivery is at least once (a retry after a throw; two
   * runners handed one outbox job): a consumer with effects that must not repeat deduplicates on it.
   */
  id: string
}

/** Something that acts on a committed content event (revalidate a site, send a signed webhook…). */
export type ContentEventConsumer = {
  name: string
  /** Throw to have the event handed to this consumer again later (the others are not repeated). */
  handle: (event: ContentEvent, payload: Payload, req: PayloadRequest, meta: ContentEventMeta) => Promise<void> | void
}

const consumers: ContentEventConsumer[] = []

/**
 * Registers a consumer of content events (after commit, from the outbox job). Returns a function that removes it.
 * The webhooks room plugs its signed delivery in here.
 */
export const onContentEvent = (consumer: ContentEventConsumer): (() => void) => {
  consumers.push(consumer)
  return () => {
    const index = consumers.indexOf(consumer)
    if (index >= 0) consumers.splice(index, 1)
  }
}

export const registeredConsumers = (): readonly ContentEventConsumer[] => consumers
