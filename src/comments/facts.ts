import type { PayloadRequest, Where } from 'payload'

import type { Article } from '../payload-types'

import { floodEntryKey, floodWindow, type FloodCount } from './flood'
import { countIn } from './floodDatabase'
import { storedIdOf } from './payload'
import { runStatement } from './statements'

/**
 * What the pipeline needs to know from the database about a submission, read together: the article's comment
 * state (phase 2), whether the same body came from the same author on the same article within the window
 * (phase 4), and the moderation settings' `updatedAt` (so the settings cached in this process are reused until
 * anyone, on any instance, saves them).
 *
 * On PostgreSQL and SQLite this is one SELECT in the request's transaction (the duplicate check and the settings
 * stamp as subqueries of the article row); elsewhere (MongoDB) it is the adapter's own reads, one per fact.
 */
export interface SubmissionFacts {
  /** the article, or null when there is none with that id */
  article: {
    status: string | null
    allowComments: boolean | null
    commentsCloseAt: string | null
    publishedAt: string | null
    createdAt: string | null
  } | null
  /** an earlier comment with the same fingerprint by the same author on the article within the window */
  duplicate: boolean
  /**
   * the settings' `updatedAt`: a string (saved), null (never saved), or undefined when this read could not tell
   * (then the settings are read in full)
   */
  settingsStamp?: string | null
  /** the query these facts answer ({@link factsKey}), when read ahead by the submit endpoint */
  key?: string
}

export interface FactsQuery {
  articleId: number | string | undefined
  fingerprint: string
  /** comments written after this instant count as duplicates */
  since: Date
  /** who the author is (any of them matches) */
  email?: string
  ipHash?: string
  userId?: number | string
  /** the comment being edited, which is not its own duplicate */
  excludeId?: number | string
}


const iso = (value: unknown): string | null => {
  if (value === null || value === undefined) return null
  const date = value instanceof Date ? value : new Date(String(value))
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString()
}

/** The article's comment state from a row (or a JSON object built by the database) with these keys. */
const articleFrom = (row: Record<string, unknown>): NonNullable<SubmissionFacts['article']> => ({
  status: (row.status as string | null | undefined) ?? null,
  allowComments: row.allowComments === null || row.allowComments === undefined ? null : Boolean(row.allowComments),
  commentsCloseAt: iso(row.commentsCloseAt),
  publishedAt: iso(row.publishedAt),
  createdAt: iso(row.createdAt),
})

const truthy = (value: unknown) => value === true || value === 1 || value === '1' || value === 't'

const parseJson = (value: unknown): Record<string, unknown> | null =>
  value === null || value === undefined ? null : ((typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>)

/** The statement values of a facts query (statements.ts). */
const valuesOf = (query: FactsQuery, articleId: number | string) => ({
  articleId,
  fingerprint: query.fingerprint,
  since: query.since.toISOString(),
  email: query.email,
  ipHash: query.ipHash,
  userId: query.userId,
  excludeId: query.excludeId,
})

/** The facts in a row of the statements (the article as a JSON object, null when there is none). */
const factsFrom = (row: Record<string, unknown>): SubmissionFacts => {
  const article = parseJson(row.article)
  return {
    article: article ? articleFrom(article) : null,
    duplicate: article ? truthy(row.duplicate) : false,
    settingsStamp: iso(row.settings_stamp),
  }
}

/** One SELECT on the SQL adapters; undefined when this adapter or schema is not one it knows. */
const readInSql = async (req: PayloadRequest, query: FactsQuery, articleId: number | string): Promise<SubmissionFacts | undefined> => {
  const row = await runStatement(req.payload, 'facts', valuesOf(query, articleId), req)
  return row && factsFrom(row)
}

/**
 * The submit endpoint's flood count and the facts in ONE statement, when the flood counter is the database KV
 * store on PostgreSQL or SQLite: the counter's upsert returns the facts as subqueries (statements.ts). Runs
 * outside any transaction, like the count it replaces. Undefined when that store or adapter is not in use, or the
 * statement fails (the caller then counts and reads separately).
 */
export const countAttemptReadingFacts = async (
  req: PayloadRequest,
  who: string,
  query: FactsQuery,
  now = Date.now(),
): Promise<{ flood: FloodCount; facts: SubmissionFacts } | undefined> => {
  // An id that cannot be one: counted and refused the usual way.
  const articleId = storedIdOf(req.payload, query.articleId)
  if (articleId === undefined) return undefined
  const { window, retryAfter } = floodWindow(now)
  try {
    const row = await runStatement(req.payload, 'floodCountWithFacts', { ...valuesOf(query, articleId), floodKey: floodEntryKey(who), floodWindow: window })
    const count = countIn(row?.data)
    if (!row || count === undefined) return undefined
    return { flood: { count, retryAfter }, facts: { ...factsFrom(row), key: factsKey(query) } }
  } catch (error) {
    req.payload.logger.warn({ err: error, msg: 'newsroom: flood count with facts failed; counting and reading separately' })
    return undefined
  }
}

/** What identifies a facts query: facts read ahead are used only by the pipeline run asking the same. */
export const factsKey = (query: FactsQuery): string =>
  JSON.stringify([String(query.articleId ?? ''), query.fingerprint, query.email ?? null, query.ipHash ?? null, query.userId ?? null, query.excludeId ?? null])

/** The adapter's own reads (any database), in the request's transaction. */
const readWithAdapter = async (req: PayloadRequest, query: FactsQuery, articleId: number | string): Promise<SubmissionFacts> => {
  const article = await req.payload.db
    .findOne<Pick<Article, 'id' | '_status' | 'allowComments' | 'commentsCloseAt' | 'publishedAt' | 'createdAt'>>({
      collection: 'articles',
      where: { id: { equals: articleId } },
      select: { _status: true, allowComments: true, commentsCloseAt: true, publishedAt: true, createdAt: true },
      req,
    })
    .catch(() => null)
  if (!article) return { article: null, duplicate: false }
  const who: Where[] = []
  if (query.email) who.push({ authorEmail: { equals: query.email } })
  if (query.ipHash) who.push({ ipHash: { equals: query.ipHash } })
  if (query.userId !== undefined) who.push({ authorUser: { equals: query.userId } })
  let duplicate = false
  if (who.length) {
    const and: Where[] = [
      { article: { equals: articleId } },
      { fingerprint: { equals: query.fingerprint } },
      { createdAt: { greater_than: query.since.toISOString() } },
      { or: who },
      { deletedAt: { exists: false } },
    ]
    if (query.excludeId !== undefined) and.push({ id: { not_equals: query.excludeId } })
    duplicate = (await req.payload.db.count({ collection: 'comments', where: { and }, req })).totalDocs > 0
  }
  return { article: articleFrom({ ...article, status: article._status }), duplicate }
}

/** Reads the facts of a submission (see {@link SubmissionFacts}). */
export const readSubmissionFacts = async (req: PayloadRequest, query: FactsQuery): Promise<SubmissionFacts> => {
  const articleId = storedIdOf(req.payload, query.articleId)
  if (articleId === undefined) return { article: null, duplicate: false }
  return (await readInSql(req, query, articleId)) ?? (await readWithAdapter(req, query, articleId))
}
