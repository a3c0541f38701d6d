import type { Payload } from 'payload'

import { replicaPoolsOf } from './replicas'

type PoolLike = {
  end: () => Promise<void>
  on: (event: 'error', listener: (error: Error) => void) => void
  _clients?: PoolClientLike[]
  _idle?: unknown[]
}
// pg (pinned 8.20) keeps a client's query state in these fields; `activeQuery`/`queryQueue` are deprecated getters that warn
type PoolClientLike = { release?: (destroy?: boolean) => void; _activeQuery?: unknown; _queryQueue?: unknown[] }
type ClientLike = { close: () => void }

const poolOf = (payload: Payload) => (payload.db as unknown as { pool?: PoolLike }).pool
const clientOf = (payload: Payload) => (payload.db as unknown as { client?: ClientLike }).client

/**
 * A PostgreSQL server that restarts, or terminates our idle connections, must not take the process down:
 * the pool reports the error and opens new connections on the next query.
 */
export const keepPoolErrorsFromCrashing = (payload: Payload): void => {
  poolOf(payload)?.on('error', (error) => payload.logger.error({ err: error }, 'database connection lost; reconnecting on the next query'))
}

/**
 * SQLite: the page cache of the server's connection, in megabytes (SQLite's own default is 2 MB). A comment's
 * insert touches a dozen B-tree pages (the comment, its version, their indexes, the article's recount, the flood
 * counter); with the tables past a few megabytes, a 2 MB cache reads most of them back from the OS on every
 * request. No effect on durability. The adapter keeps one connection (it runs without transactions, which would
 * open more), so setting it once after connecting holds for the process.
 */
export const sizeSqliteCache = async (payload: Payload, megabytes: number): Promise<void> => {
  const db = payload.db as unknown as { name?: string; client?: { execute: (sql: string) => Promise<unknown> } }
  if (db.name !== 'sqlite' || !db.client) return
  await db.client.execute(`PRAGMA cache_size = -${Math.max(1, Math.round(megabytes * 1024))}`)
}

/**
 * Ends a pg pool. @payloadcms/db-postgres checks out one client at connect and never releases it, so end() would
 * wait forever: release it with destroy=true (pg's own way to close a checked-out client). Clients that are idle,
 * or busy with a query (pool.query releases those itself), are left to end().
 */
const endPool = async (pool: PoolLike): Promise<void> => {
  const ended = pool.end().catch(() => undefined)
  const idle = new Set((pool._idle ?? []).map((item) => (item as { client?: unknown }).client ?? item))
  const held = (pool._clients ?? []).filter(
    (client) => !idle.has(client) && !client._activeQuery && (client._queryQueue?.length ?? 0) === 0,
  )
  for (const client of held) {
    try {
      client.release?.(true)
    } catch {
      // already released: end() closes it
    }
  }
  await ended
}

/** Closes the database for good (and its read replicas): Payload's destroy() forgets the schema but leaves pools open. */
export const closeDatabase = async (payload: Payload): Promise<void> => {
  const pool = poolOf(payload)
  const replicas = replicaPoolsOf(payload) as PoolLike[]
  const client = clientOf(payload)
  await payload.destroy()
  if (pool) await Promise.all([pool, ...replicas].map(endPool))
  else if (client && typeof client.close === 'function') client.close()
}
