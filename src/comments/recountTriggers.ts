import type { Payload } from 'payload'

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

type Client = { batch(statements: string[], mode?: 'write' | 'read' | 'deferred'): Promise<unknown> }

const sqliteClient = (payload: Payload): Client | undefined => {
  const db = payload.db as unknown as { name?: string; client?: Client }
  return db.name === 'sqlite' && typeof db.client?.batch === 'function' ? db.client : undefined
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The trigger statements for this schema's table and column names, or undefined when a table or column is missing. */
export const recountTriggerStatements = (payload: Payload): string[] | undefined => {
  const db = payload.db as any
  const tableName = (slug: string): string | undefined => {
    const key = slug.replace(/-/g, '_')
    return db.tableNameMap?.get?.(key) ?? (db.tables?.[key] ? key : undefined)
  }
  const commentsName = tableName('comments')
  const articlesName = tableName('articles')
  const comments = commentsName ? db.tables?.[commentsName] : undefined
  const articles = articlesName ? db.tables?.[articlesName] : undefined
  const column = (table: any, key: string): string | undefined => table?.[key]?.name
  const c = {
    table: commentsName,
    article: column(comments, 'article'),
    status: column(comments, 'status'),
    deletedAt: column(comments, 'deletedAt'),
    createdAt: column(comments, 'createdAt'),
  }
  const a = { table: articlesName, id: column(articles, 'id'), count: column(articles, 'commentCount'), last: column(articles, 'lastCommentAt') }
  if (Object.values(c).some((value) => !value) || Object.values(a).some((value) => !value)) return undefined
  const C = quote(c.table!)
  const visibleIn = (row: 'NEW' | 'OLD') => `${row}.${quote(c.status!)} = 'approved' AND ${row}.${quote(c.deletedAt!)} IS NULL`
  // The same reading as the hooks' recount: approved and not in the trash; the latest date from the index's end.
  const recount = (row: 'NEW' | 'OLD', extra = '') => {
    const of = `${quote(c.article!)} = ${row}.${quote(c.article!)} AND ${quote(c.status!)} = 'approved' AND ${quote(c.deletedAt!)} IS NULL`
    return `UPDATE ${quote(a.table!)} SET
      ${quote(a.count!)} = (SELECT count(*) FROM ${C} WHERE ${of}),
      ${quote(a.last!)} = (SELECT ${quote(c.createdAt!)} FROM ${C} WHERE ${of} ORDER BY ${quote(c.createdAt!)} DESC LIMIT 1)
      WHERE ${quote(a.id!)} = ${row}.${quote(c.article!)}${extra};`
  }
  const moved = `OLD.${quote(c.article!)} IS NOT NEW.${quote(c.article!)}`
  return [
    ...TRIGGERS.map((name) => `DROP TRIGGER IF EXISTS ${quote(name)}`),
    `CREATE TRIGGER ${quote(TRIGGERS[0])} AFTER INSERT ON ${C} WHEN ${visibleIn('NEW')} BEGIN ${recount('NEW')} END`,
    `CREATE TRIGGER ${quote(TRIGGERS[1])} AFTER UPDATE OF ${quote(c.status!)}, ${quote(c.article!)}, ${quote(c.deletedAt!)} ON ${C}
      WHEN (${visibleIn('OLD')} OR ${visibleIn('NEW')})
        AND (OLD.${quote(c.status!)} IS NOT NEW.${quote(c.status!)} OR ${moved} OR OLD.${quote(c.deletedAt!)} IS NOT NEW.${quote(c.deletedAt!)})
      BEGIN ${recount('NEW')} ${recount('OLD', ` AND ${moved}`)} END`,
    `CREATE TRIGGER ${quote(TRIGGERS[2])} AFTER DELETE ON ${C} WHEN ${visibleIn('OLD')} BEGIN ${recount('OLD')} END`,
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
