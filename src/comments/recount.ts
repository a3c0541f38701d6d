import type { PayloadRequest, Where } from 'payload'

import { recountInStatement } from './recountTriggers'
import { createSerialiser } from './serialise'
import { sqlTag, tableNameOf, tableOf, transactionDb } from './sql'

/**
 * Recomputes an article's `commentCount` (approved, not trashed) and `lastCommentAt` from the database and
 * writes them straight through the adapter (no article version, no article hooks), in `req`'s transaction.
 *
 * Exact under concurrency:
 * - PostgreSQL: the article row is locked (`FOR NO KEY UPDATE`) before counting, so two transactions recount one
 *   after the other and the second sees the first's committed comments (READ COMMITTED takes a fresh snapshot
 *   per statement).
 * - SQLite: triggers recount in the statement that writes the comment (recountTriggers.ts), so the hooks do not
 *   call this; where they could not be installed, the same UPDATE … SET commentCount = (SELECT count(*) …) runs as
 *   one statement, atomic under the file's write lock.
 * - Other adapters: count, then write, serialised per article inside this process.
 */
/** Runs tasks with the same key one after the other inside this process. */
export const serialisedInProcess = createSerialiser()

/**
 * PostgreSQL: locks a collection's row in `req`'s transaction until it commits. `for no key update` (the lock an
 * UPDATE of non-key columns takes) rather than `for update`: inserting a comment or a comment version takes
 * `for key share` on the article through the foreign key, which `for update` would conflict with (deadlock).
 * Returns false where there is nothing to lock with (SQLite here, or no transaction).
 */
export const lockRow = async (req: PayloadRequest, slug: string, id: number | string): Promise<boolean> => {
  const db = req.payload.db as any
  if (db.name !== 'postgres' || !req.transactionID) return false
  const session = await transactionDb(db, req)
  const table = tableNameOf(db, slug)
  if (!session || !table) return false
  const sql = await sqlTag()
  const qualified = db.schemaName ? sql`${sql.identifier(db.schemaName)}.${sql.identifier(table)}` : sql.identifier(table)
  await session.execute(sql`select id from ${qualified} where id = ${id} for no key update`)
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

/**
 * PostgreSQL: one UPDATE counts and writes. It runs after the lock, so its snapshot (taken when the statement
 * starts) includes every comment committed before. Returns false when there is no transaction or the schema lacks
 * a column (then the generic path runs).
 */
const countAndWriteInSql = async (req: PayloadRequest, articleId: number | string): Promise<boolean> => {
  const db = req.payload.db as any
  const target = await transactionDb(db, req)
  const comments = tableOf(db, 'comments')
  const articles = tableOf(db, 'articles')
  if (!target || !comments?.article || !comments?.deletedAt || !articles?.commentCount || !articles?.lastCommentAt) return false
  const sql = await sqlTag()
  const visible = sql`${comments.article} = ${articleId} and ${comments.status} = 'approved' and ${comments.deletedAt} is null`
  await target
    .update(articles)
    .set({
      commentCount: sql`(select count(*) from ${comments} where ${visible})`,
      // "order by … desc limit 1" rather than max(): read from the end of the (article, status, deletedAt,
      // createdAt) index on every engine.
      lastCommentAt: sql`(select ${comments.createdAt} from ${comments} where ${visible} order by ${comments.createdAt} desc limit 1)`,
    })
    .where(sql`${articles.id} = ${articleId}`)
  return true
}

export const recountArticleComments = async (req: PayloadRequest, articleId: number | string) => {
  const name = (req.payload.db as { name?: string }).name
  if (name === 'postgres' && (await lockRow(req, 'articles', articleId)) && (await countAndWriteInSql(req, articleId))) return
  if (name === 'sqlite' && (await recountInStatement(req.payload, articleId))) return
  return serialisedInProcess(`article:${articleId}`, () => countAndWrite(req, articleId))
}
