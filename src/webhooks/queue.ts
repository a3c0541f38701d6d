import type { PayloadRequest } from 'payload'

import { tableNameOf } from '../comments/sql'
import type { WebhookEvent } from './events'
import { newWebhookId } from './sign'
import { DELIVER_WEBHOOK_TASK, WEBHOOK_DELIVERIES_SLUG, WEBHOOK_ENDPOINTS_SLUG, WEBHOOKS_QUEUE } from './slugs'

/** Most endpoints one event fans out to (a cap, not a setting: a site has a handful). */
const MAX_ENDPOINTS = 200

/** Writes a pending delivery row (no job). The adapter's create: no Local API hooks inside the caller's change. */
const recordDelivery = async (req: PayloadRequest, endpointId: string | number, event: WebhookEvent, webhookId: string, dedupeKey?: string) => {
  const now = new Date().toISOString()
  return (await req.payload.db.create({
    collection: WEBHOOK_DELIVERIES_SLUG as never,
    data: {
      endpoint: endpointId,
      eventType: event.type,
      webhookId,
      payload: event,
      status: 'pending',
      attemptCount: 0,
      attempts: [],
      ...(dedupeKey ? { dedupeKey } : {}),
      createdAt: now,
      updatedAt: now,
    },
    req,
  })) as unknown as { id: string | number; webhookId: string }
}

/** One job for the first attempt of these deliveries (each attempt is still claimed per delivery). */
const queueFirstAttempts = (req: PayloadRequest, deliveryIds: Array<string | number>) =>
  req.payload.jobs.queue({
    task: DELIVER_WEBHOOK_TASK as never,
    queue: WEBHOOKS_QUEUE,
    input: { deliveryIds: deliveryIds.map(String), attempt: 1 } as never,
    req,
  })

/**
 * Records one delivery and queues its first attempt for `endpointId`, in the request's transaction: a rollback
 * leaves neither behind, a commit leaves both for the jobs runner (also after a crash).
 */
export const queueDelivery = async (req: PayloadRequest, endpointId: string | number, event: WebhookEvent, webhookId: string = newWebhookId()) => {
  const delivery = await recordDelivery(req, endpointId, event, webhookId)
  await queueFirstAttempts(req, [delivery.id])
  return delivery
}

/**
 * Queues `event` to every active endpoint subscribed to its type. Call it inside the change's transaction with
 * the change's `req`: one delivery row per endpoint and one job for their first attempts are written with the
 * change, and sent by the `deliverWebhook` job after the commit; a rolled-back change queues nothing.
 * With `eventId` (the outbox's), an endpoint that already has a delivery of that event gets no second one (a
 * unique `dedupeKey`): returns how many were queued now.
 */
export const queueWebhookDeliveries = async (req: PayloadRequest, event: WebhookEvent, eventId?: string): Promise<number> => {
  const endpoints: { docs: any[] } = await req.payload.find({
    collection: WEBHOOK_ENDPOINTS_SLUG as never,
    where: { and: [{ active: { equals: true } }, { events: { in: [event.type] } }] },
    limit: MAX_ENDPOINTS,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (!endpoints.docs.length) return 0
  const keyOf = (endpointId: string | number) => (eventId ? `${eventId}:${endpointId}` : undefined)
  const endpointIds: Array<string | number> = endpoints.docs.map((endpoint) => endpoint.id)
  const ids = (await insertDeliveryRows(req, endpointIds, event, keyOf)) ?? (await createDeliveries(req, endpointIds, event, keyOf))
  if (!ids.length) return 0
  await queueFirstAttempts(req, ids)
  return ids.length
}

/** Elsewhere than SQL (MongoDB): a create per endpoint; one refused by the unique `dedupeKey` is already queued. */
const createDeliveries = async (
  req: PayloadRequest,
  endpointIds: Array<string | number>,
  event: WebhookEvent,
  keyOf: (endpointId: string | number) => string | undefined,
): Promise<Array<string | number>> => {
  const created = await Promise.all(
    endpointIds.map((endpointId) =>
      recordDelivery(req, endpointId, event, newWebhookId(), keyOf(endpointId)).catch((error: { code?: number }) => {
        if (error?.code === 11000) return null // E11000 duplicate key: another runner queued this one
        throw error
      }),
    ),
  )
  return created.filter((delivery) => delivery !== null).map((delivery) => delivery.id)
}

/**
 * On the SQL adapters: all deliveries of one event in one INSERT on the change's own connection (`undefined`
 * elsewhere, where a create per endpoint is used). Rows whose `dedupeKey` exists already are skipped (another
 * runner's insert of the same event; in PostgreSQL the insert waits for that runner's transaction to end).
 */
const insertDeliveryRows = async (
  req: PayloadRequest,
  endpointIds: Array<string | number>,
  event: WebhookEvent,
  keyOf: (endpointId: string | number) => string | undefined,
): Promise<Array<string | number> | undefined> => {
  const db = req.payload.db as any
  if (db.name !== 'postgres' && db.name !== 'sqlite') return undefined
  const tableName = tableNameOf(db, WEBHOOK_DELIVERIES_SLUG)
  const table = tableName ? db.tables[tableName] : undefined
  if (!table?.endpoint || !table?.webhookId || !table?.dedupeKey) return undefined
  const connection = (req.transactionID ? db.sessions?.[String(await req.transactionID)]?.db : undefined) ?? db.drizzle
  const now = new Date().toISOString()
  const rows = endpointIds.map((endpoint) => ({
    endpoint,
    eventType: event.type,
    webhookId: newWebhookId(),
    payload: event,
    status: 'pending',
    attemptCount: 0,
    dedupeKey: keyOf(endpoint) ?? null,
    createdAt: now,
    updatedAt: now,
  }))
  const inserted: Array<{ id: string | number }> = await connection
    .insert(table)
    .values(rows)
    .onConflictDoNothing({ target: table.dedupeKey })
    .returning({ id: table.id })
  return inserted.map((row) => row.id)
}
