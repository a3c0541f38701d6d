/**
 * The entity tags of the public reads a site or a CDN hits, built in one place for the endpoints
 * (`GET /api/articles/:id/comments`, `GET /api/comments/counts`) and for the host's fast path that answers an
 * anonymous conditional request with 304 before Next and Payload's request handling (src/host/conditionalReads.ts).
 * Both call these functions, so the tag the fast path compares is the tag the endpoint sent.
 *
 * The reads go to the database adapter directly (no hooks, no request to build): what they read is what an anonymous
 * caller may see, by the articles collection's own read access evaluated for no user.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { sqlAdapter, sqlTag } from '../comments/sql'
import { quotedNames } from '../comments/statements'
import { entityTag } from './conditional'
import { storedIdOf } from './ids'

export const MAX_THREAD_LIMIT = 100
/** At most this many articles per counts request (a list page, a home page). */
export const MAX_COUNT_IDS = 100

export interface ThreadOptions {
  page: number
  limit: number
  order: 'newest' | 'oldest'
}

const positiveInt = (value: string | null | undefined, fallback: number) => {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : fallback
}

/** The thread's page, size and order from the query string (`page`, `limit`, `order` or `sort`). */
export const threadOptions = (params: URLSearchParams | undefined): ThreadOptions => {
  const order = params?.get('order') ?? params?.get('sort')
  return {
    page: positiveInt(params?.get('page'), 1),
    limit: Math.min(positiveInt(params?.get('limit'), 20), MAX_THREAD_LIMIT),
    order: order === 'oldest' || order === 'createdAt' ? 'oldest' : 'newest',
  }
}

/**
 * What the approved thread of an article is made of, read cheaply: how many comments the article has (any state,
 * trashed too) and the latest `updatedAt` among them. Every change that can alter the thread (a new comment, a
 * decision, an edit, featuring, trashing, deleting) changes one of them, so it serves as the thread's validator
 * without building the thread. It reads every comment of the article, not only what the caller may see; it is a
 * hash, never shown.
 */
export const threadVersion = async (payload: Payload, articleId: number | string): Promise<{ total: number; updatedAt: string | null }> => {
  const aggregate = await threadVersionSql(payload, articleId)
  if (aggregate) return aggregate
  // Other adapters: the latest comment and the total of a one-row page.
  const latest = await payload.db.find<{ updatedAt?: string }>({
    collection: 'comments',
    where: { article: { equals: articleId } },
    sort: '-updatedAt',
    limit: 1,
    page: 1,
    pagination: true,
    select: { updatedAt: true },
  })
  return { total: latest.totalDocs, updatedAt: isoDate(latest.docs[0]?.updatedAt) }
}

const isoDate = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  const date = new Date(value as string)
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString()
}

type DrizzleReads = { execute?: (query: unknown) => Promise<{ rows?: unknown[] }>; all?: (query: unknown) => Promise<unknown[]> }

/**
 * On the SQL adapters, one aggregate over the (article, updatedAt) index. Through the adapter's drizzle, so the read
 * goes where the request's reads go (a replica for the public: src/host/replicas.ts).
 */
const threadVersionSql = async (payload: Payload, articleId: number | string) => {
  const dialect = sqlAdapter(payload).name
  if (dialect !== 'postgres' && dialect !== 'sqlite') return undefined
  const c = quotedNames(payload, 'comments', ['article', 'updatedAt'])
  const drizzle = (payload.db as unknown as { drizzle?: DrizzleReads }).drizzle
  if (!c || !drizzle) return undefined
  const sql = await sqlTag()
  const query = sql`select count(*) as "total", max(${sql.raw(c.updatedAt)}) as "latest" from ${sql.raw(c.table)} where ${sql.raw(c.article)} = ${articleId}`
  const rows = dialect === 'postgres' ? (await drizzle.execute?.(query))?.rows : await drizzle.all?.(query)
  const first = rows?.[0] as { total?: unknown; latest?: unknown } | unknown[] | undefined
  if (!first) return undefined
  const [total, latest] = Array.isArray(first) ? first : [first.total, first.latest]
  return { total: Number(total), updatedAt: isoDate(latest) }
}

/** The thread's tag: the article, the page asked for and the thread's version. */
export const threadTag = (articleId: number | string, options: ThreadOptions, version: Awaited<ReturnType<typeof threadVersion>>) =>
  entityTag('thread', articleId, options, version)

/**
 * What an anonymous caller may read of the articles: the collection's read access evaluated for no user (today,
 * published articles only), or false when the public may read none.
 */
export const anonymousArticleWhere = async (payload: Payload): Promise<Where | false> => {
  const read = payload.collections.articles?.config.access.read
  if (!read) return {}
  const result = await read({ req: { payload, user: null } as unknown as PayloadRequest })
  if (result === true) return {}
  if (!result) return false
  return result
}

/** The article's id when an anonymous caller may read the article, else undefined (unknown, draft, unpublished…). */
export const publicArticleId = async (payload: Payload, value: unknown): Promise<number | string | undefined> => {
  const id = storedIdOf(payload, value)
  if (id === undefined) return undefined
  const access = await anonymousArticleWhere(payload)
  if (access === false) return undefined
  // A count of at most one row: no document to select, join or transform.
  const { totalDocs } = await payload.db.count({ collection: 'articles', where: { and: [{ id: { equals: id } }, access] } })
  return totalDocs > 0 ? id : undefined
}

export type CountIds = { asked: string[]; ids: Array<number | string> } | { error: string; vars?: Record<string, unknown> }

/** The ids of `?articles=1,2,3` (repeated parameters too), deduplicated, or the reason they are refused. */
export const countIds = (payload: Payload, params: URLSearchParams | undefined): CountIds => {
  const raw = params?.getAll('articles').join(',') ?? ''
  const asked = [...new Set(raw.split(',').map((part) => part.trim()).filter(Boolean))]
  if (!asked.length) return { error: 'counts.articles.required' }
  if (asked.length > MAX_COUNT_IDS) return { error: 'counts.articles.too_many', vars: { max: MAX_COUNT_IDS } }
  const ids = asked.map((value) => storedIdOf(payload, value))
  const invalid = asked.filter((_, i) => ids[i] === undefined)
  if (invalid.length) return { error: 'counts.articles.invalid', vars: { ids: invalid.slice(0, 5).join(', ') } }
  return { asked, ids: ids as Array<number | string> }
}

/**
 * Approved comments of the articles an anonymous caller may read, by the id as asked; unknown and unpublished ids
 * count 0, whoever asks (the answer is public and cacheable).
 */
export const publicCommentCounts = async (payload: Payload, asked: string[], ids: Array<number | string>, req?: Partial<PayloadRequest>) => {
  const access = await anonymousArticleWhere(payload)
  const found =
    access === false
      ? { docs: [] as Array<{ id: number | string; commentCount?: number | null }> }
      : await payload.db.find<{ id: number | string; commentCount?: number | null }>({
          collection: 'articles',
          where: { and: [{ id: { in: ids } }, access] },
          select: { commentCount: true },
          limit: MAX_COUNT_IDS,
          pagination: false,
          req,
        })
  const byId = new Map(found.docs.map((doc) => [String(doc.id), doc.commentCount ?? 0]))
  return Object.fromEntries(asked.map((value, i) => [value, byId.get(String(ids[i])) ?? 0])) as Record<string, number>
}

/** The counts are the answer's whole content: their hash is its version. */
export const countsTag = (counts: Record<string, number>) => entityTag('counts', counts)
