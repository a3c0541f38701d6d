import type { PayloadRequest } from 'payload'

import type { WebhookEvent } from './events'
import { newWebhookId } from './sign'
import { DELIVER_WEBHOOK_TASK, WEBHOOK_DELIVERIES_SLUG, WEBHOOK_ENDPOINTS_SLUG, WEBHOOKS_QUEUE } from './slugs'

/** Most endpoints one event fans out to (a cap, not a setting: a site has a handful). */
const MAX_ENDPOINTS = 200

/**
 * Records one delivery and queues its first attempt for `endpointId`, in the request's transaction: a rollback
 * leaves neither behind, a commit leaves both for the jobs runner (also after a crash).
 */
export const queueDelivery = async (req: PayloadRequest, endpointId: string | number, event: WebhookEvent, webhookId: string = newWebhookId()) => {
  // The adapter's create, not the Local API's: no hooks or access to run on a row only the server writes, and this
  // runs inside someone else's change (its latency is theirs).
  const now = new Date().toISOString()
  const delivery: any = await req.payload.db.create({
    collection: WEBHOOK_DELIVERIES_SLUG as never,
    data: { endpoint: endpointId, eventType: event.type, webhookId, payload: event, status: 'pending', attemptCount: 0, attempts: [], createdAt: now, updatedAt: now },
    req,
  })
  await req.payload.jobs.queue({
    task: DELIVER_WEBHOOK_TASK as never,
    queue: WEBHOOKS_QUEUE,
    input: { deliveryId: String(delivery.id), attempt: 1 } as never,
    req,
  })
  return delivery as unknown as { id: string | number; webhookId: string }
}

/**
 * Queues `event` to every active endpoint subscribed to its type. Call it inside the change's transaction with
 * the change's `req`: the deliveries are written with the change and sent by the `deliverWebhook` job after the
 * commit; a rolled-back change queues nothing.
 */
export const queueWebhookDeliveries = async (req: PayloadRequest, event: WebhookEvent): Promise<number> => {
  const endpoints: { docs: any[] } = await req.payload.find({
    collection: WEBHOOK_ENDPOINTS_SLUG as never,
    where: { and: [{ active: { equals: true } }, { events: { in: [event.type] } }] },
    limit: MAX_ENDPOINTS,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  for (const endpoint of endpoints.docs) await queueDelivery(req, endpoint.id, event)
  return endpoints.docs.length
}
