import type { Payload } from 'payload'

import { articleRecountSql, quote } from './statements'
import { sqlAdapter, type LibsqlClient } from './sql'

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

const sqliteClient = (payload: Payload): LibsqlClient | undefined => {
  const db = sqlAdapter(payload)
  return db.name === 'sqlite' && typeof db.client?.batch === 'function' ? db.client : undefined
}

/**
 * The same recount as one statement for one article, for when the triggers could not be installed: the hooks run
 * it after the comment's write (atomic under SQLite's write lock, also across processes sharing the file).
 * Returns false when this is not SQLite or the schema lacks a table or column.
 */
export const recountInStatement = async (payload: Payload, articleId: number | string): Promise<boolean> => {
  const client = sqliteClient(payload)
  const recount = client ? articleRecountSql(payload) : undefined
  if (!client || !recount) return false
  await client.execute({ sql: recount.update('?1'), args: [articleId] })
  return true
}

/** The trigger statements for this schema's table and column names, or undefined when a table or column is missing. */
export const recountTriggerStatements = (payload: Payload): string[] | undefined => {
  const recount = articleRecountSql(payload)
  if (!recount) return undefined
  const c = recount.comments
  const visibleIn = (row: 'NEW' | 'OLD') => `${row}.${c.status} = 'approved' AND ${row}.${c.deletedAt} IS NULL`
  const moved = `OLD.${c.article} IS NOT NEW.${c.article}`
  return [
    ...TRIGGERS.map((name) => `DROP TRIGGER IF EXISTS ${quote(name)}`),
    `CREATE TRIGGER ${quote(TRIGGERS[0])} AFTER INSERT ON ${c.table} WHEN ${visibleIn('NEW')}
      BEGIN ${recount.update(`NEW.${c.article}`)}; END`,
    `CREATE TRIGGER ${quote(TRIGGERS[1])} AFTER UPDATE OF ${c.status}, ${c.article}, ${c.deletedAt} ON ${c.table}
      WHEN (${visibleIn('OLD')} OR ${visibleIn('NEW')})
        AND (OLD.${c.status} IS NOT NEW.${c.status} OR ${moved} OR OLD.${c.deletedAt} IS NOT NEW.${c.deletedAt})
      BEGIN ${recount.update(`NEW.${c.article}`)}; ${recount.update(`OLD.${c.article}`, ` AND ${moved}`)}; END`,
    `CREATE TRIGGER ${quote(TRIGGERS[2])} AFTER DELETE ON ${c.table} WHEN ${visibleIn('OLD')}
      BEGIN ${recount.update(`OLD.${c.article}`)}; END`,
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
