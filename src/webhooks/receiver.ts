/**
 * For sites that receive our webhooks (`payload-newsroom/webhooks`): verify a request and revalidate the cache
 * tags it names. Imports nothing of Payload; `next/cache` is loaded only by the route handler.
 */
import { Webhook, WebhookVerificationError } from 'standardwebhooks'

import type { WebhookEvent } from './events'

export { CONTENT_EVENTS, WEBHOOK_EVENTS, type WebhookEvent, type WebhookEventType } from './events'
export { WebhookVerificationError }

/** A Fetch `Headers`, or a plain object of header names (lower-case, as Node gives them) to values. */
type HeaderSource = Headers | object

const headerRecord = (headers: HeaderSource): Record<string, string> => {
  const read = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : (headers as Record<string, unknown>)[name]
    const first = Array.isArray(value) ? value[0] : value
    return typeof first === 'string' ? first : undefined
  }
  return {
    'webhook-id': read('webhook-id') ?? '',
    'webhook-timestamp': read('webhook-timestamp') ?? '',
    'webhook-signature': read('webhook-signature') ?? '',
  }
}

/**
 * Verifies a webhook with the endpoint's secret (`whsec_…`) and returns the event. Throws
 * `WebhookVerificationError` for a bad signature, a missing header, or a timestamp more than 5 minutes off.
 * `rawBody` must be the request body exactly as received (not re-serialised JSON).
 */
export const verifyWebhook = <T extends WebhookEvent = WebhookEvent>(secret: string, headers: HeaderSource, rawBody: string | Buffer): T =>
  new Webhook(secret).verify(rawBody, headerRecord(headers)) as T

export interface RevalidateRouteOptions {
  /** The endpoint's signing secret; default `process.env.NEWSROOM_WEBHOOK_SECRET`. */
  secret?: string
  /** Called for each tag the event names; default Next's `revalidateTag(tag, 'max')`. */
  revalidateTag?: (tag: string) => void | Promise<void>
  /** Called for each site path the event names; default none (tags are enough for `fetch`-cached pages). */
  revalidatePath?: (path: string) => void | Promise<void>
  /** Runs after revalidation, e.g. to log or to react to `comment.held`. */
  onEvent?: (event: WebhookEvent) => void | Promise<void>
}

/**
 * A Next.js App Router `POST` handler: verifies the request and revalidates every cache tag in `data.tags`.
 *
 * ```ts
 * // app/api/newsroom-webhook/route.ts
 * import { createRevalidateRoute } from 'payload-newsroom/webhooks'
 * export const POST = createRevalidateRoute({ secret: process.env.NEWSROOM_WEBHOOK_SECRET })
 * ```
 */
export const createRevalidateRoute = (options: RevalidateRouteOptions = {}) =>
  async (request: Request): Promise<Response> => {
    const secret = options.secret ?? process.env.NEWSROOM_WEBHOOK_SECRET
    if (!secret) return Response.json({ error: 'The webhook secret is not configured.' }, { status: 500 })
    const body = await request.text()
    let event: WebhookEvent
    try {
      event = verifyWebhook(secret, request.headers, body)
    } catch (error) {
      return Response.json({ error: `Invalid webhook: ${(error as Error).message}` }, { status: 401 })
    }
    const revalidateTag = options.revalidateTag ?? (await nextRevalidateTag())
    const tags = Array.isArray(event.data?.tags) ? event.data.tags.filter((tag): tag is string => typeof tag === 'string') : []
    for (const tag of tags) await revalidateTag(tag)
    if (options.revalidatePath && Array.isArray(event.data?.paths)) {
      for (const path of event.data.paths) if (typeof path === 'string') await options.revalidatePath(path)
    }
    await options.onEvent?.(event)
    return Response.json({ received: event.type, revalidated: tags })
  }

const nextRevalidateTag = async () => {
  const { revalidateTag } = await import('next/cache')
  return (tag: string) => revalidateTag(tag, 'max')
}
