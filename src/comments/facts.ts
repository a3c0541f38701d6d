import type { PayloadRequest, Where } from 'payload'

import { sqlTag, tableOf, transactionDb } from './sql'

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
  settingsSlug: string
}

/** The id as the database stores it, or undefined when it cannot be one (a non-numeric id for serial ids). */
const storedId = (req: PayloadRequest, value: number | string | undefined): number | string | undefined => {
  if (value === undefined || value === null || value === '') return undefined
  if ((req.payload.db as { defaultIDType?: string }).defaultIDType !== 'number') return value
  const id = typeof value === 'number' ? value : /^\d{1,15}$/.test(String(value).trim()) ? Number(value) : NaN
  return Number.isSafeInteger(id) ? id : undefined
}

const iso = (value: unknown): string | null => {
  if (value === null || value === undefined) return null
  const date = value instanceof Date ? value : new Date(String(value))
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString()
}

/** One SELECT on the SQL adapters; undefined when this adapter or schema is not one it knows. */
const readInSql = async (req: PayloadRequest, query: FactsQuery, articleId: number | string): Promise<SubmissionFacts | undefined> => {
  const db = req.payload.db as any
  if (db.name !== 'postgres' && db.name !== 'sqlite') return undefined
  const articles = db.tables?.articles
  const comments = db.tables?.comments
  const settings = tableOf(db, query.settingsSlug)
  if (!articles?._status || !articles?.allowComments || !comments?.fingerprint || !comments?.deletedAt || !settings?.updatedAt) return undefined
  const target = (await transactionDb(db, req)) ?? db.drizzle
  if (!target) return undefined
  const sql = await sqlTag()

  const who = [
    query.email ? sql`${comments.authorEmail} = ${query.email}` : undefined,
    query.ipHash ? sql`${comments.ipHash} = ${query.ipHash}` : undefined,
    query.userId !== undefined ? sql`${comments.authorUser} = ${query.userId}` : undefined,
  ].filter(Boolean)
  const notSelf = query.excludeId !== undefined ? sql` and ${comments.id} <> ${query.excludeId}` : sql``
  const duplicate = who.length
    ? sql`exists (select 1 from ${comments} where ${comments.article} = ${articleId} and ${comments.fingerprint} = ${query.fingerprint}
        and ${comments.createdAt} > ${query.since.toISOString()} and (${sql.join(who as any[], sql` or `)})
        and ${comments.deletedAt} is null${notSelf})`
    : sql`${false}`
  const rows = await target
    .select({
      status: articles._status,
      allowComments: articles.allowComments,
      commentsCloseAt: articles.commentsCloseAt,
      publishedAt: articles.publishedAt,
      createdAt: articles.createdAt,
      duplicate: sql`${duplicate}`,
      settingsStamp: sql`(select ${settings.updatedAt} from ${settings} limit 1)`,
    })
    .from(articles)
    .where(sql`${articles.id} = ${articleId}`)
    .limit(1)
  const row = rows?.[0]
  if (!row) return { article: null, duplicate: false }
  return {
    article: {
      status: row.status ?? null,
      allowComments: row.allowComments === null || row.allowComments === undefined ? null : Boolean(row.allowComments),
      commentsCloseAt: iso(row.commentsCloseAt),
      publishedAt: iso(row.publishedAt),
      createdAt: iso(row.createdAt),
    },
    duplicate: row.duplicate === true || row.duplicate === 1 || row.duplicate === '1' || row.duplicate === 't',
    settingsStamp: iso(row.settingsStamp),
  }
}

/** The adapter's own reads (any database), in the request's transaction. */
const readWithAdapter = async (req: PayloadRequest, query: FactsQuery, articleId: number | string): Promise<SubmissionFacts> => {
  const article = (await req.payload.db
    .findOne({
      collection: 'articles',
      where: { id: { equals: articleId } },
      select: { _status: true, allowComments: true, commentsCloseAt: true, publishedAt: true, createdAt: true },
      req,
    } as any)
    .catch(() => null)) as Record<string, any> | null
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
  return {
    article: {
      status: article._status ?? null,
      allowComments: article.allowComments ?? null,
      commentsCloseAt: iso(article.commentsCloseAt),
      publishedAt: iso(article.publishedAt),
      createdAt: iso(article.createdAt),
    },
    duplicate,
  }
}

/** Reads the facts of a submission (see {@link SubmissionFacts}). */
export const readSubmissionFacts = async (req: PayloadRequest, query: FactsQuery): Promise<SubmissionFacts> => {
  const articleId = storedId(req, query.articleId)
  if (articleId === undefined) return { article: null, duplicate: false }
  return (await readInSql(req, query, articleId)) ?? (await readWithAdapter(req, query, articleId))
}
