/**
 * Typed helpers for the newsroom's own REST endpoints (`payload-newsroom/client`), for sites and tools. The
 * collections' standard operations are best reached with `@payloadcms/sdk` and our generated types (see README).
 * Uses `fetch` only; runs in browsers, Node 20 and edge runtimes.
 */
import type { Comment, WebhookEndpoint } from '../payload-types'

export interface NewsroomClientOptions {
  /** Base URL of the newsroom app, e.g. `https://cms.example.com` (the API is under `/api`). */
  baseUrl: string
  /** A token from `POST /api/users/login`, sent as `Authorization: JWT <token>` (admins' calls need one). */
  token?: string
  /** Reader's language for messages (`zh` or `en`). */
  language?: string
  fetch?: typeof fetch
}

/** A non-2xx answer: the status, Payload's `errors`, and `Retry-After` seconds on a 429. */
export class NewsroomApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: Array<{ message: string; data?: unknown }>,
    readonly retryAfter?: number,
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`)
    this.name = 'NewsroomApiError'
  }
}

export type CommentOutcome = { status: 'approved' | 'pending' | 'rejected' | 'spam'; code: string; message: string }
export interface CommentSubmission {
  article: number | string
  body: string
  parent?: number | string | null
  authorName?: string
  authorEmail?: string
  /** The form token from {@link NewsroomClient.commentFormToken}, under its `tokenField`. */
  [field: string]: unknown
}
export interface FormToken {
  token: string
  tokenField: string
  minSecondsToSubmit: number
  honeypotField: string | null
  /** Asked with an article: whether it takes comments now, and why not when it does not. */
  open?: boolean
  closed?: { code: string; message: string }
}
export type ThreadComment = Pick<Comment, 'id' | 'body'> & Partial<Comment> & { replies: ThreadComment[] }
export interface CommentThread {
  docs: ThreadComment[]
  totalDocs: number
  limit: number
  page: number
  totalPages: number
  hasNextPage: boolean
  hasPrevPage: boolean
  order: 'newest' | 'oldest'
}
export type ReportReason = 'spam' | 'abuse' | 'off-topic' | 'illegal' | 'other'
export interface QueuedDelivery {
  message: string
  delivery: { id: number | string; webhookId: string }
}

export type NewsroomClient = ReturnType<typeof createNewsroomClient>

export const createNewsroomClient = (options: NewsroomClientOptions) => {
  const doFetch = options.fetch ?? fetch
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (options.token) headers.Authorization = `JWT ${options.token}`
    if (options.language) headers['Accept-Language'] = options.language
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const response = await doFetch(`${options.baseUrl.replace(/\/$/, '')}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const parsed = text ? JSON.parse(text) : undefined
    if (!response.ok) {
      const retryAfter = response.headers.get('Retry-After')
      throw new NewsroomApiError(response.status, parsed?.errors ?? [], retryAfter ? Number(retryAfter) : undefined)
    }
    return parsed as T
  }
  const id = (value: number | string) => encodeURIComponent(String(value))
  return {
    /** `GET /api/comments/form-token` */
    commentFormToken: (articleId?: number | string) =>
      call<FormToken>('GET', `/comments/form-token${articleId === undefined ? '' : `?article=${encodeURIComponent(String(articleId))}`}`),
    /** `POST /api/comments`: the moderation decision comes back at once in `outcome`. */
    submitComment: (submission: CommentSubmission) => call<{ doc: Comment; message: string; outcome: CommentOutcome }>('POST', '/comments', submission),
    /** `GET /api/articles/:id/comments` */
    commentThread: (articleId: number | string, query: { page?: number; limit?: number; order?: 'newest' | 'oldest' } = {}) => {
      const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]))
      return call<CommentThread>('GET', `/articles/${id(articleId)}/comments${params.size ? `?${params}` : ''}`)
    },
    /** `POST /api/comments/:id/report` */
    reportComment: (commentId: number | string, reason: ReportReason, note?: string) =>
      call<{ message: string; code: string }>('POST', `/comments/${id(commentId)}/report`, { reason, note }),
    /** `GET /api/comments/counts?articles=1,2` */
    commentCounts: (articleIds: Array<number | string>) =>
      call<{ counts: Record<string, number> }>('GET', `/comments/counts?articles=${articleIds.map(id).join(',')}`),
    /** `GET /api/articles/:id/jsonld`: schema.org NewsArticle. */
    articleJsonLd: (articleId: number | string) => call<Record<string, unknown>>('GET', `/articles/${id(articleId)}/jsonld`),
    /** `POST /api/webhook-endpoints/:id/test` (admins) */
    sendWebhookTestEvent: (endpointId: number | string) => call<QueuedDelivery>('POST', `/webhook-endpoints/${id(endpointId)}/test`),
    /** `POST /api/webhook-endpoints/:id/rotate-secret` (admins) */
    rotateWebhookSecret: (endpointId: number | string) =>
      call<{ message: string; doc: WebhookEndpoint }>('POST', `/webhook-endpoints/${id(endpointId)}/rotate-secret`),
    /** `POST /api/webhook-deliveries/:id/resend` (admins) */
    resendWebhookDelivery: (deliveryId: number | string) => call<QueuedDelivery>('POST', `/webhook-deliveries/${id(deliveryId)}/resend`),
  }
}
