import crypto from 'node:crypto'

import pLimit from 'p-limit'
import type { Payload } from 'payload'

import { privateAddressesAllowed } from './address'
import { claimAttempt } from './claim'
import { activeSecrets } from './secrets'
import { sendWebhookRequest, type SendResult } from './send'
import { signWebhook } from './sign'
import { DISABLE_AFTER_FAILING_MS, MAX_ATTEMPTS, nextRetryDelay, parseRetryAfter } from './schedule'
import { DELIVER_WEBHOOK_TASK, WEBHOOK_DELIVERIES_SLUG, WEBHOOK_ENDPOINTS_SLUG, WEBHOOK_SYSTEM_WRITE, WEBHOOKS_QUEUE } from './slugs'
import { endpointUrlProblem } from './url'

export type AttemptOutcome = 'succeeded' | 'retrying' | 'failed' | 'skipped' | 'cancelled'

const isSuccess = (status?: number) => status !== undefined && status >= 200 && status < 300

/**
 * How many of this process's attempts use the database at one time (claim, reads, the outcome); the others wait their
 * turn. A burst's fan-out (20 jobs of 10 deliveries a run) would otherwise hold every connection of the pool, and the
 * editors' and readers' requests would queue behind it. The HTTP sends themselves are not limited.
 */
const databaseTurns = pLimit(2)

/**
 * One attempt of one delivery: claim it, sign and send it, record what the receiver answered, and either finish
 * (2xx, 410, last attempt) or queue the next attempt after the backoff (or the receiver's `Retry-After`).
 */
export const deliverAttempt = async (payload: Payload, deliveryId: string | number, attempt: number, now: () => Date = () => new Date()): Promise<AttemptOutcome> => {
  if (!(await databaseTurns(() => claimAttempt(payload, deliveryId, attempt)))) return 'skipped'
  try {
    return await attemptClaimed(payload, deliveryId, attempt, now)
  } catch (error) {
    // A claimed attempt that broke on our side must not stay pending for ever: it shows as failed with the cause.
    payload.logger.error({ err: error, deliveryId, attempt }, 'webhooks: an attempt failed on our side')
    await payload
      .update({ collection: WEBHOOK_DELIVERIES_SLUG as never, id: deliveryId, data: { status: 'failed', lastError: `internal error: ${(error as Error).message}` } as never, overrideAccess: true })
      .catch(() => undefined)
    throw error
  }
}

const attemptClaimed = async (payload: Payload, deliveryId: string | number, attempt: number, now: () => Date): Promise<AttemptOutcome> => {
  // The adapter's reads and writes: the delivery is the job's own row (no hooks, no access to apply), and a send is
  // the hot path of a burst (the Local API's update reads the row back and rewrites its whole attempts array).
  const read = await databaseTurns(async () => {
    const delivery = (await payload.db.findOne({ collection: WEBHOOK_DELIVERIES_SLUG as never, where: { id: { equals: deliveryId } } })) as any
    if (!delivery) return null
    const endpointId = typeof delivery.endpoint === 'object' && delivery.endpoint ? delivery.endpoint.id : delivery.endpoint
    const endpoint = endpointId ? ((await payload.db.findOne({ collection: WEBHOOK_ENDPOINTS_SLUG as never, where: { id: { equals: endpointId } } })) as any) : null
    return { delivery, endpoint }
  })
  if (!read) return 'cancelled'
  const { delivery, endpoint } = read
  const attempts: Array<Record<string, unknown>> = Array.isArray(delivery.attempts) ? delivery.attempts : []
  /**
   * Writes the outcome, with this attempt added to the delivery's history: the whole row, as the adapter rewrites a
   * row with an array in full (rows of an array need their own id).
   */
  const update = ({ attempt: record, ...data }: Record<string, unknown>) =>
    databaseTurns(async () => {
      // An admin deleted it while it was being sent: the full-row write would create it again.
      const { totalDocs } = await payload.db.count({ collection: WEBHOOK_DELIVERIES_SLUG as never, where: { id: { equals: deliveryId } } })
      if (!totalDocs) return
      await payload.db.updateOne({
        collection: WEBHOOK_DELIVERIES_SLUG as never,
        id: deliveryId,
        data: {
          ...delivery,
          claimedAt: null,
          ...data,
          ...(record ? { attempts: [...attempts, { id: crypto.randomBytes(12).toString('hex'), ...(record as object) }] } : {}),
          updatedAt: new Date().toISOString(),
        },
        returning: false,
      })
    })

  if (!endpoint || !endpoint.active) {
    await update({ status: 'cancelled', lastError: endpoint ? 'The endpoint is disabled.' : 'The endpoint was deleted.', nextAttemptAt: null })
    return 'cancelled'
  }

  const allowPrivate = privateAddressesAllowed()
  const at = now()
  const body = JSON.stringify(delivery.payload)
  const urlProblem = endpointUrlProblem(endpoint.url, allowPrivate)
  const result: SendResult = urlProblem
    ? { durationMs: 0, response: '', error: `refused: ${urlProblem}`, refused: true }
    : await sendWebhookRequest(endpoint.url, { ...signWebhook(activeSecrets(endpoint, at), delivery.webhookId, body, at) }, body, { allowPrivate })

  const record = {
    at: at.toISOString(),
    statusCode: result.statusCode ?? null,
    durationMs: result.durationMs,
    response: result.response || null,
    error: result.error ?? null,
  }

  if (isSuccess(result.statusCode)) {
    await update({ status: 'succeeded', attempt: record, nextAttemptAt: null, lastError: null })
    if (endpoint.failingSince) await updateEndpoint(payload, endpoint.id, { failingSince: null })
    return 'succeeded'
  }

  const lastError = result.error ?? `HTTP ${result.statusCode}`
  if (result.statusCode === 410) {
    await update({ status: 'failed', attempt: record, nextAttemptAt: null, lastError })
    await updateEndpoint(payload, endpoint.id, { active: false, disabledReason: `Disabled at ${at.toISOString()}: the receiver answered 410 Gone.` })
    return 'failed'
  }

  const failingSince = endpoint.failingSince ? new Date(endpoint.failingSince) : at
  if (at.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) {
    await update({ status: 'failed', attempt: record, nextAttemptAt: null, lastError })
    await updateEndpoint(payload, endpoint.id, {
      active: false,
      disabledReason: `Disabled at ${at.toISOString()}: every delivery failed since ${failingSince.toISOString()} (last: ${lastError}).`,
    })
    return 'failed'
  }
  if (!endpoint.failingSince) await updateEndpoint(payload, endpoint.id, { failingSince: at.toISOString() })

  const honoured = result.statusCode === 429 || result.statusCode === 503 ? parseRetryAfter(result.retryAfter, at.getTime()) : null
  const delay = attempt >= MAX_ATTEMPTS ? null : (honoured ?? nextRetryDelay(attempt))
  if (delay === null) {
    await update({ status: 'failed', attempt: record, nextAttemptAt: null, lastError })
    await emailAdmins(payload, endpoint, delivery, lastError)
    return 'failed'
  }
  const waitUntil = new Date(at.getTime() + delay)
  await update({ status: 'pending', attempt: record, nextAttemptAt: waitUntil.toISOString(), lastError })
  await payload.jobs.queue({
    task: DELIVER_WEBHOOK_TASK as never,
    queue: WEBHOOKS_QUEUE,
    input: { deliveryId: String(deliveryId), attempt: attempt + 1 } as never,
    waitUntil,
  })
  return 'retrying'
}

const updateEndpoint = (payload: Payload, id: string | number, data: Record<string, unknown>) =>
  payload.update({ collection: WEBHOOK_ENDPOINTS_SLUG as never, id, data: data as never, depth: 0, overrideAccess: true, context: { [WEBHOOK_SYSTEM_WRITE]: true } })

/** Tells every admin that a delivery gave up, with the endpoint and the last error. */
const emailAdmins = async (payload: Payload, endpoint: any, delivery: any, lastError: string) => {
  const admins = await payload.find({ collection: 'users', where: { roles: { contains: 'admin' } }, limit: 100, depth: 0, overrideAccess: true })
  const to = [...new Set(admins.docs.map((user: any) => user.email).filter(Boolean))]
  if (!to.length) return
  const base = payload.config.serverURL || ''
  try {
    await payload.sendEmail({
      to,
      subject: `Webhook delivery failed / Webhook 投递失败: ${delivery.eventType} → ${endpoint.url}`,
      text: `The ${delivery.eventType} event (${delivery.webhookId}) could not be delivered to ${endpoint.url} after ${MAX_ATTEMPTS} attempts.\nLast error: ${lastError}\n\n${base}/admin/collections/${WEBHOOK_DELIVERIES_SLUG}/${delivery.id}`,
    })
  } catch (error) {
    payload.logger.error({ err: error }, 'webhooks: could not e-mail the admins about a failed delivery')
  }
}
