import type { Payload } from 'payload'

import { tableNameOf } from './sql'

/**
 * SQLite: `commentCount` and `lastCommentAt` kept by triggers on the comments table.
 *
 * Payload's SQLite adapter runs without transactions (each statement commits on its own), so a recount in an
 * afterChange hook is a second statement after the comment's write: a crash between the two leaves the count
 * stale, and every approved comment pays a second commit. A trigger recounts inside the statement that writes
 * the comment — the same transaction, as the counts require — from the database (count(*), never incremented),
 * and exact under concurrency because SQLite runs one writing statement at a time.
 *
 * Installed on every start (dropped and created in one batch, so an upgraded definition replaces the old one and
 * a table rebuilt by a migration gets them back); removed when the plugin is disabled. While they are installed,
 * the hooks leave the counting to them (see {@link countsKeptByDatabase}); PostgreSQL and MongoDB count in the hooks.
 */

const TRIGGERS = ['newsroom_comment_count_insert', 'newsroom_comment_count_update', 'newsroom_comment_count_delete'] as const

const installed = new WeakMap<Payload, boolean>()

/** True when this instance's database keeps the counts itself (SQLite with the triggers installed). */
export const countsKeptByDatabase = (payload: Payload): boolean => installed.get(payload) === true

type Client = {
  batch(statements: string[], mode?: 'write' | 'read' | 'deferred'): Promise<unknown>
  execute(statement: { sql: string; args: unknown[] }): Promise<unknown>
}

const sqliteClient = (payload: Payload): Client | undefined => {
  const db = payload.db as unknown as { name?: string; client?: Client }
  return db.name === 'sqlite' && typeof db.client?.batch === 'function' ? db.client : undefined
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

interface Names {
  comments: string
  article: string
  status: string
  deletedAt: string
  createdAt: string
  articles: string
  id: string
  count: string
  last: string
}

/** This schema's table and column names, quoted for SQL, or undefined when a table or column is missing. */
const schemaNames = (payload: Payload): Names | undefined => {
  const db = payload.db as any
  const commentsName = tableNameOf(db, 'comments')
  const articlesName = tableNameOf(db, 'articles')
  const comments = commentsName ? db.tables[commentsName] : undefined
  const articles = articlesName ? db.tables[articlesName] : undefined
  const names = {
    comments: commentsName,
    article: comments?.article?.name,
    status: comments?.status?.name,
    deletedAt: comments?.deletedAt?.name,
    createdAt: comments?.createdAt?.name,
    articles: articlesName,
    id: articles?.id?.name,
    count: articles?.commentCount?.name,
    last: articles?.lastCommentAt?.name,
  }
  if (Object.values(names).some((value) => typeof value !== 'string' || !value)) return undefined
  return Object.fromEntries(Object.entries(names).map(([key, value]) => [key, quote(value as string)])) as unknown as Names
}

/**
 * The recount of one article: approved and not in the trash, the latest date read from the end of the
 * (article, status, deletedAt, createdAt) index. `article` is the SQL for the article's id: a trigger's
 * `NEW."article_id"`, or a parameter.
 */
const recountSql = (n: Names, article: string, extra = '') => {
  const of = `${n.article} = ${article} AND ${n.status} = 'approved' AND ${n.deletedAt} IS NULL`
  return `UPDATE ${n.articles} SET
      ${n.count} = (SELECT count(*) FROM ${n.comments} WHERE ${of}),
      ${n.last} = (SELECT ${n.createdAt} FROM ${n.comments} WHERE ${of} ORDER BY ${n.createdAt} DESC LIMIT 1)
      WHERE ${n.id} = ${article}${extra}`
}

/**
 * The same recount as one statement for one article, for when the triggers could not be installed: the hooks run
 * it after the comment's write (atomic under SQLite's write lock, also across processes sharing the file).
 * Returns false when this is not SQLite or the schema lacks a table or column.
 */
export const recountInStatement = async (payload: Payload, articleId: number | string): Promise<boolean> => {
  const client = sqliteClient(payload)
  const names = client ? schemaNames(payload) : undefined
  if (!client || !names) return false
  await client.execute({ sql: recountSql(names, '?1'), args: [articleId] })
  return true
}

/** The trigger statements for this schema's table and column names, or undefined when a table or column is missing. */
export const recountTriggerStatements = (payload: Payload): string[] | undefined => {
  const n = schemaNames(payload)
  if (!n) return undefined
  const visibleIn = (row: 'NEW' | 'OLD') => `${row}.${n.status} = 'approved' AND ${row}.${n.deletedAt} IS NULL`
  const moved = `OLD.${n.article} IS NOT NEW.${n.article}`
  return [
    ...TRIGGERS.map((name) => `DROP TRIGGER IF EXISTS ${quote(name)}`),
    `CREATE TRIGGER ${quote(TRIGGERS[0])} AFTER INSERT ON ${n.comments} WHEN ${visibleIn('NEW')}
      BEGIN ${recountSql(n, `NEW.${n.article}`)}; END`,
    `CREATE TRIGGER ${quote(TRIGGERS[1])} AFTER UPDATE OF ${n.status}, ${n.article}, ${n.deletedAt} ON ${n.comments}
      WHEN (${visibleIn('OLD')} OR ${visibleIn('NEW')})
        AND (OLD.${n.status} IS NOT NEW.${n.status} OR ${moved} OR OLD.${n.deletedAt} IS NOT NEW.${n.deletedAt})
      BEGIN ${recountSql(n, `NEW.${n.article}`)}; ${recountSql(n, `OLD.${n.article}`, ` AND ${moved}`)}; END`,
    `CREATE TRIGGER ${quote(TRIGGERS[2])} AFTER DELETE ON ${n.comments} WHEN ${visibleIn('OLD')}
      BEGIN ${recountSql(n, `OLD.${n.article}`)}; END`,
  ]
}

/** Installs (or replaces) the triggers on SQLite. Returns whether the counts are now kept by the database. */
export const installRecountTriggers = async (payload: Payload): Promise<boolean> => {
  const client = sqliteClient(payload)
  const statements = client ? recountTriggerStatements(payload) : undefined
  if (!client || !statements) {
    installed.set(payload, false)
    return false
  }
  try {
    await client.batch(statements, 'write')
    installed.set(payload, true)
  } catch (error) {
    // The hooks go on counting; say why the database does not.
    payload.logger.warn({ err: error, msg: 'newsroom: could not install the comment count triggers; counting in hooks instead' })
    installed.set(payload, false)
  }
  return installed.get(payload) === true
}

/** Drops the triggers (the plugin is disabled: it keeps its fields but does nothing). */
export const removeRecountTriggers = async (payload: Payload): Promise<void> => {
  installed.set(payload, false)
  const client = sqliteClient(payload)
  if (!client) return
  await client.batch(TRIGGERS.map((name) => `DROP TRIGGER IF EXISTS ${quote(name)}`), 'write').catch((error: unknown) => {
    payload.logger.warn({ err: error, msg: 'newsroom: could not remove the comment count triggers' })
  })
}
