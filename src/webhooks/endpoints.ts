import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { hasRole } from '../../access/roles'
import { inOwnTransaction } from '../transaction'
import { TEST_EVENT, type WebhookEvent } from './events'
import { queueDelivery } from './queue'
import { ROTATION_CONTEXT, rotatedSecrets } from './secrets'
import { WEBHOOK_DELIVERIES_SLUG, WEBHOOK_ENDPOINTS_SLUG } from './slugs'

const errorResponse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** 401 without a user, 403 for anyone but an admin; `null` when an admin asks. */
const refuseNonAdmin = (req: PayloadRequest): Response | null => {
  if (!req.user) return errorResponse(401, 'You are not allowed to perform this action.')
  if (!hasRole(req.user as never, ['admin'])) return errorResponse(403, 'You are not allowed to perform this action.')
  return null
}

const idParam = (req: PayloadRequest): string | null => {
  const id = req.routeParams?.id
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null
}

/** Finds a document as the admin asking (access applies) or answers 404. */
const findOwn = async (req: PayloadRequest, collection: string, id: string) =>
  (await req.payload
    .findByID({ collection: collection as never, id, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: true })
    .catch(() => null)) as any

/** `POST /api/webhook-endpoints/:id/test`: queues a signed `webhook.test` event to the endpoint (admins). */
export const sendTestEvent: PayloadHandler = async (req) => {
  const refused = refuseNonAdmin(req)
  if (refused) return refused
  const id = idParam(req)
  const endpoint = id ? await findOwn(req, WEBHOOK_ENDPOINTS_SLUG, id) : null
  if (!endpoint) return errorResponse(404, 'No webhook endpoint with this id.')
  if (!endpoint.active) return errorResponse(409, 'The endpoint is disabled: switch it on before sending a test event.')
  const event: WebhookEvent = {
    type: TEST_EVENT,
    timestamp: new Date().toISOString(),
    data: { endpoint: endpoint.id, message: 'A test event sent from the admin panel.' },
  }
  const delivery = await inOwnTransaction(req, () => queueDelivery(req, endpoint.id, event))
  return Response.json({ message: 'Test event queued.', delivery: { id: delivery.id, webhookId: delivery.webhookId } }, { status: 202 })
}

/** `POST /api/webhook-endpoints/:id/rotate-secret`: a new secret; the old one keeps signing for 24 hours (admins). */
export const rotateSecret: PayloadHandler = async (req) => {
  const refused = refuseNonAdmin(req)
  if (refused) return refused
  const id = idParam(req)
  const endpoint = id ? await findOwn(req, WEBHOOK_ENDPOINTS_SLUG, id) : null
  if (!endpoint) return errorResponse(404, 'No webhook endpoint with this id.')
  const secrets = rotatedSecrets(endpoint)
  const doc = await req.payload.update({
    collection: WEBHOOK_ENDPOINTS_SLUG as never,
    id: endpoint.id,
    data: {} as never,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    context: { [ROTATION_CONTEXT]: secrets },
  })
  return Response.json({ message: 'Secret rotated: the previous secret keeps signing for 24 hours.', doc })
}

/** `POST /api/webhook-deliveries/:id/resend`: a new delivery of the same event with the same `webhook-id` (admins). */
export const resendDelivery: PayloadHandler = async (req) => {
  const refused = refuseNonAdmin(req)
  if (refused) return refused
  const id = idParam(req)
  const delivery = id ? await findOwn(req, WEBHOOK_DELIVERIES_SLUG, id) : null
  if (!delivery) return errorResponse(404, 'No webhook delivery with this id.')
  const endpointId = typeof delivery.endpoint === 'object' && delivery.endpoint ? delivery.endpoint.id : delivery.endpoint
  const endpoint = endpointId ? await findOwn(req, WEBHOOK_ENDPOINTS_SLUG, String(endpointId)) : null
  if (!endpoint) return errorResponse(409, 'The endpoint of this delivery was deleted.')
  if (!endpoint.active) return errorResponse(409, 'The endpoint is disabled: switch it on before resending.')
  // Same webhook-id: receivers that already processed the event recognise it as a duplicate.
  const copy = await inOwnTransaction(req, () => queueDelivery(req, endpoint.id, delivery.payload, delivery.webhookId))
  return Response.json({ message: 'Delivery queued again.', delivery: { id: copy.id, webhookId: copy.webhookId } }, { status: 202 })
}

export const webhookEndpointEndpoints: Endpoint[] = [
  { path: '/:id/test', method: 'post', handler: sendTestEvent },
  { path: '/:id/rotate-secret', method: 'post', handler: rotateSecret },
]

export const webhookDeliveryEndpoints: Endpoint[] = [{ path: '/:id/resend', method: 'post', handler: resendDelivery }]
