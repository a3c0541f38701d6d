import type { PayloadRequest, Where } from 'payload'

/**
 * Recomputes an article's `commentCount` (approved, not trashed) and `lastCommentAt` from the database and
 * writes them straight through the adapter (no article version, no article hooks), in `req`'s transaction.
 *
 * Exact under concurrency:
 * - PostgreSQL: the article row is locked (`FOR UPDATE`) before counting, so two transactions recount one
 *   after the other and the second sees the first's committed comments (READ COMMITTED takes a fresh snapshot
 *   per statement).
 * - SQLite (no transactions in this adapter setup; writes are serialised by the file lock): count-and-write is
 *   serialised per article inside the process, so the last recount always runs after the last change.
 */
const chains = new Map<string, Promise<unknown>>()
/** Runs tasks with the same key one after the other inside this process. */
export const serialisedInProcess = <T>(key: string, task: () => Promise<T>): Promise<T> => {
  const previous = chains.get(key) ?? Promise.resolve()
  const next = previous.then(task, task)
  const tail = next.catch(() => undefined)
  chains.set(key, tail)
  void tail.then(() => {
    if (chains.get(key) === tail) chains.delete(key)
  })
  return next
}

/**
 * PostgreSQL: locks a collection's row (`select … for update`) in `req`'s transaction until it commits.
 * Returns false where there is nothing to lock with (SQLite here, or no transaction).
 */
export const lockRow = async (req: PayloadRequest, slug: string, id: number | string): Promise<boolean> => {
  const db = req.payload.db as any
  if (db.name !== 'postgres' || !req.transactionID) return false
  const session = db.sessions?.[await req.transactionID]
  if (!session?.db) return false
  const { sql } = await import('@payloadcms/db-postgres')
  const table = db.tableNameMap?.get?.(slug.replace(/-/g, '_')) ?? slug.replace(/-/g, '_')
  const qualified = db.schemaName ? sql`${sql.identifier(db.schemaName)}.${sql.identifier(table)}` : sql.identifier(table)
  await session.db.execute(sql`select id from ${qualified} where id = ${id} for update`)
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
  } as any)
  const lastCommentAt = (latest.docs[0] as { createdAt?: string } | undefined)?.createdAt ?? null
  await req.payload.db.updateOne({
    collection: 'articles',
    id: articleId,
    data: { commentCount: totalDocs, lastCommentAt },
    req,
    returning: false,
  } as any)
  return { commentCount: totalDocs, lastCommentAt }
}

export const recountArticleComments = async (req: PayloadRequest, articleId: number | string) => {
  if (await lockRow(req, 'articles', articleId)) return countAndWrite(req, articleId)
  return serialisedInProcess(`article:${articleId}`, () => countAndWrite(req, articleId))
}
