import type { PayloadRequest, Where } from 'payload'

import { idOf } from './payload'
import { countsKeptByDatabase, recountInStatement } from './recountTriggers'
import { createSerialiser } from './serialise'
import { sqlAdapter, transactionClient } from './sql'
import { articleRecountSql, rowLockSql } from './statements'

/**
 * Recomputes an article's `commentCount` (approved, not trashed) and `lastCommentAt` from the database and
 * writes them straight through the adapter (no article version, no article hooks), in `req`'s transaction.
 *
 * Exact under concurrency:
 * - PostgreSQL: the article row is locked (`FOR NO KEY UPDATE`) before counting, so two transactions recount one
 *   after the other and the second sees the first's committed comments (READ COMMITTED takes a fresh snapshot
 *   per statement); lock and count travel in one round trip.
 * - SQLite: triggers recount in the statement that writes the comment (recountTriggers.ts), so the hooks do not
 *   call this; where they could not be installed, the same UPDATE … SET commentCount = (SELECT count(*) …) runs as
 *   one statement, atomic under the file's write lock.
 * - Other adapters: count, then write, serialised per article inside this process.
 */
/** Runs tasks with the same key one after the other inside this process. */
export const serialisedInProcess = createSerialiser()

/**
 * PostgreSQL: locks a collection's row in `req`'s transaction until it commits (see rowLockSql). Returns false
 * where there is nothing to lock with (SQLite here, or no transaction).
 */
export const lockRow = async (req: PayloadRequest, slug: string, id: number | string): Promise<boolean> => {
  const db = sqlAdapter(req.payload)
  const client = db.name === 'postgres' ? await transactionClient(db, req) : undefined
  const lock = client ? rowLockSql(req.payload, slug) : undefined
  if (!client || !lock) return false
  await client.query(lock('$1'), [id])
  return true
}

const countAndWrite = async (req: PayloadRequest, articleId: number | string) => {
  const where: Where = { and: [{ article: { equals: articleId } }, { status: { equals: 'approved' } }] }
  const { totalDocs } = await req.payload.count({ collection: 'comments', where, req, overrideAccess: true })
  const latest = await req.payload.find({
    collection: 'comments',
    where,
    sort: '-createdAt',
    limit: 1,
    pagination: false,
    depth: 0,
    select: { createdAt: true },
    req,
    overrideAccess: true,
  })
  const lastCommentAt = latest.docs[0]?.createdAt ?? null
  await req.payload.db.updateOne({
    collection: 'articles',
    id: articleId,
    data: { commentCount: totalDocs, lastCommentAt },
    req,
    returning: false,
  })
  return { commentCount: totalDocs, lastCommentAt }
}

/**
 * PostgreSQL: lock the article row, then one UPDATE counts and writes, in `req`'s transaction. Each statement takes
 * its own snapshot (READ COMMITTED), so the UPDATE's, taken once the lock is granted, includes every comment
 * committed before. A numeric id goes inline and both statements travel in one round trip (the simple-query
 * protocol runs them in order, each with its own snapshot); any other id as a parameter, in two. Returns false
 * when there is no transaction or the schema lacks a column (then the generic path runs).
 */
const recountInPostgres = async (req: PayloadRequest, articleId: number | string): Promise<boolean> => {
  const client = await transactionClient(sqlAdapter(req.payload), req)
  const recount = client ? articleRecountSql(req.payload) : undefined
  const lock = client ? rowLockSql(req.payload, 'articles') : undefined
  if (!client || !recount || !lock) return false
  const numeric = typeof articleId === 'number' ? articleId : /^\d{1,15}$/.test(articleId) ? Number(articleId) : NaN
  if (Number.isSafeInteger(numeric)) {
    await client.query(`${lock(String(numeric))}; ${recount.update(String(numeric))}`)
  } else {
    await client.query(lock('$1'), [articleId])
    await client.query(recount.update('$1'), [articleId])
  }
  return true
}

export const recountArticleComments = async (req: PayloadRequest, articleId: number | string) => {
  const name = (req.payload.db as { name?: string }).name
  if (name === 'postgres' && (await recountInPostgres(req, articleId))) return
  if (name === 'sqlite' && (await recountInStatement(req.payload, articleId))) return
  return serialisedInProcess(`article:${articleId}`, () => countAndWrite(req, articleId))
}

type CommentState = { article?: unknown; status?: string | null; deletedAt?: string | null }

/** After a comment's write: recount its article (and the one it left) when its visibility may have changed. */
export const recountAfterCommentChange = async (
  doc: CommentState,
  previousDoc: CommentState | undefined,
  operation: 'create' | 'update',
  req: PayloadRequest,
) => {
  // SQLite: the triggers recounted in the statement that wrote the comment.
  if (countsKeptByDatabase(req.payload)) return
  const article = idOf(doc.article)
  const before = idOf(previousDoc?.article)
  const changed =
    operation === 'create' ||
    doc.status !== previousDoc?.status ||
    String(article) !== String(before) ||
    (doc.deletedAt ?? null) !== (previousDoc?.deletedAt ?? null)
  if (!changed) return
  // Only approved comments count: a new held comment leaves the count as it is.
  if (operation === 'create' && doc.status !== 'approved') return
  if (article !== undefined) await recountArticleComments(req, article)
  if (before !== undefined && String(before) !== String(article)) await recountArticleComments(req, before)
}

/** After a comment is deleted for good: an approved one leaves its article's count. */
export const recountAfterCommentDelete = async (doc: CommentState, req: PayloadRequest) => {
  if (countsKeptByDatabase(req.payload)) return
  const article = idOf(doc.article)
  if (article !== undefined && doc.status === 'approved') await recountArticleComments(req, article)
}
