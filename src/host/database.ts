import crypto from 'node:crypto'

import type { Payload } from 'payload'

import { replicaPoolsOf } from './replicas'

type PoolLike = {
  end: () => Promise<void>
  on: ((event: 'error', listener: (error: Error) => void) => void) & ((event: 'connect', listener: (client: PoolClientLike) => void) => void)
  _clients?: PoolClientLike[]
  _idle?: unknown[]
}
// pg (pinned 8.20) keeps a client's query state in these fields; `activeQuery`/`queryQueue` are deprecated getters that warn
type PoolClientLike = {
  release?: (destroy?: boolean) => void
  on?: (event: 'error', listener: (error: Error) => void) => void
  _activeQuery?: unknown
  _queryQueue?: unknown[]
}
type ClientLike = { close: () => void }

const poolOf = (payload: Payload) => (payload.db as unknown as { pool?: PoolLike }).pool
const clientOf = (payload: Payload) => (payload.db as unknown as { client?: ClientLike }).client

/**
 * A PostgreSQL server that restarts, or a connection reset, must not take the process down: the pool reports
 * errors of idle clients, but a client checked out of it (the one @payloadcms/db-postgres holds from connect, or
 * one inside a transaction) emits 'error' with no listener, and Node ends the process on an unhandled 'error'
 * event (found by test/faults: one reset killed the server). Every client gets a listener; the query in flight
 * still fails (503, see unavailable.ts) and the pool opens new connections on the next query.
 */
export const keepPoolErrorsFromCrashing = (payload: Payload): void => {
  const pool = poolOf(payload)
  if (!pool) return
  let lastLogged = 0
  const report = (error: Error) => {
    // one line per 10 s during an outage, not one per connection
    if (Date.now() - lastLogged < 10_000) return
    lastLogged = Date.now()
    payload.logger.error({ err: error }, 'database connection lost; reconnecting on the next query')
  }
  const guarded = new WeakSet<object>()
  const guard = (client: PoolClientLike) => {
    if (guarded.has(client) || typeof client.on !== 'function') return
    guarded.add(client)
    client.on('error', report)
  }
  pool.on('error', report)
  pool.on('connect', guard)
  for (const client of pool._clients ?? []) guard(client)
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
  // A client still busy (a query that will not come back, a transaction nobody ends) would keep end() waiting for
  // ever; after a grace period its connection is closed under it.
  const wait = (ms: number) => new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), ms).unref())
  if ((await Promise.race([ended.then(() => 'ended' as const), wait(POOL_END_GRACE_MS)])) === 'late') {
    for (const client of pool._clients ?? []) {
      try {
        ;(client as { end?: () => Promise<void> }).end?.().catch(() => undefined)
      } catch {
        // already closing
      }
    }
    await Promise.race([ended, wait(2000)])
  }
}

/** How long closing the database waits for busy pool clients before closing their connections. */
const POOL_END_GRACE_MS = 5000

/** Closes the database for good (and its read replicas): Payload's destroy() forgets the schema but leaves pools open. */
export const closeDatabase = async (payload: Payload): Promise<void> => {
  const pool = poolOf(payload)
  const replicas = replicaPoolsOf(payload) as unknown as PoolLike[]
  const client = clientOf(payload)
  // destroy() waits on the adapter; a busy connection must not keep a stopping process alive past the pools' grace.
  await Promise.race([payload.destroy(), new Promise((resolve) => setTimeout(resolve, POOL_END_GRACE_MS).unref())])
  if (pool) await Promise.all([pool, ...replicas].map(endPool))
  else if (client && typeof client.close === 'function') client.close()
}

/** How long one Redis command may take before it fails (and the request answers 503), in milliseconds. */
export const REDIS_COMMAND_TIMEOUT_MS = 2000

type RedisLike = { options: Record<string, unknown>; on: (event: 'error', listener: (error: Error) => void) => void }

/**
 * Redis that is down or paused must not hold requests: ioredis by default queues commands while it reconnects and
 * retries each 20 times, so a request waited for as long as Redis was gone. Bounded here, each command fails within
 * REDIS_COMMAND_TIMEOUT_MS (the request answers 503 with Retry-After, see unavailable.ts) and the client keeps
 * reconnecting in the background. The KV adapter takes no client options, so they are set on its client.
 */
export const boundRedisCommands = (payload: Payload): void => {
  const redis = (payload.kv as unknown as { redisClient?: RedisLike } | undefined)?.redisClient
  if (!redis) return
  redis.options.commandTimeout = REDIS_COMMAND_TIMEOUT_MS
  redis.options.maxRetriesPerRequest = 1
  let lastLogged = 0
  redis.on('error', (error) => {
    // one line per 10 s while Redis is gone, not one per reconnect attempt
    if (Date.now() - lastLogged < 10_000) return
    lastLogged = Date.now()
    payload.logger.error({ err: error }, 'Redis unavailable; comment posting answers 503 until it returns')
  })
}

type Session = { db: unknown; resolve: () => Promise<void>; reject: () => Promise<void> }
type TransactionalAdapter = {
  name?: string
  drizzle: { transaction: (run: (tx: unknown) => Promise<void>, options?: unknown) => Promise<void> }
  initializing?: Promise<unknown>
  sessions: Record<string, Session | undefined>
  transactionOptions?: unknown
  beginTransaction: (options?: unknown) => Promise<string | number | null>
  commitTransaction: (id: string | number | Promise<string | number | null>) => Promise<void>
}

/**
 * PostgreSQL: a COMMIT that fails must fail the request. @payloadcms/drizzle 3.90.1 ends a transaction through a
 * promise whose rejection it swallows (`transaction(...).catch(...)` in beginTransaction, try/catch in
 * commitTransaction), so when the connection dropped at COMMIT the client still got 201 for a comment that was
 * never stored (found by test/faults: an acknowledged comment missing after a reset). Here the transaction's own
 * promise is kept and awaited on commit: a failed COMMIT throws, Payload rolls back its side, the client gets 503.
 */
export const failRequestsWhoseCommitFails = (payload: Payload): void => {
  const db = payload.db as unknown as TransactionalAdapter
  if (db.name !== 'postgres' || typeof db.drizzle?.transaction !== 'function') return
  db.beginTransaction = async function beginTransaction(options?: unknown) {
    await db.initializing
    const id = crypto.randomUUID()
    let finished!: Promise<void>
    const session = await new Promise<Session>((ready, failed) => {
      finished = db.drizzle.transaction(
        (tx) =>
          new Promise<void>((commit, rollback) => {
            ready({
              db: tx,
              resolve: () => (commit(), finished),
              // drizzle rolls back on a rejection and rethrows it: a rollback asked for is not a failure
              reject: () => (rollback(new Error('rolled back')), finished.catch(() => undefined)),
            })
          }),
        options ?? db.transactionOptions,
      )
      // before the callback ran (no connection): the begin fails; afterwards this rejection is the commit's, awaited in commit
      finished.catch(failed)
    }).catch((error: Error) => {
      throw new Error(`cannot begin transaction: ${error.message}`, { cause: error })
    })
    db.sessions[id] = session
    return id
  }
  db.commitTransaction = async function commitTransaction(incomingId) {
    const id = await incomingId
    const session = id === null ? undefined : db.sessions[String(id)]
    if (!session) return
    delete db.sessions[String(id)]
    await session.resolve()
  }
}

type JobsAdapter = TransactionalAdapter & {
  updateJobs?: (args: { req?: { transactionID?: unknown; payload?: unknown } } & Record<string, unknown>) => Promise<unknown>
  rollbackTransaction: (id: string | number | Promise<string | number | null>) => Promise<void>
}

/**
 * PostgreSQL: a job update that fails must give its connection back. Payload 3.90.1's updateJobs
 * (payload/dist/queues/utilities/updateJob.js) begins a transaction of its own, runs the adapter's updateJobs in it
 * and commits, with no rollback when the update throws: the connection stays checked out, "idle in transaction
 * (aborted)", for the life of the process. It throws whenever two runners touch one job (two instances running the
 * outbox queue; a job another runner completed and deleted meanwhile → its log row's foreign key fails), so each
 * such race cost a pool connection; after ten, every query of the instance waited for the pool's 5 s timeout, and
 * a logged-in moderator was answered 403 (Payload's JWT check swallows the failed user lookup: issue 19's
 * "second instance" 403). Here the adapter rolls back a transaction it was handed bare (`{ transactionID }`, not a
 * request: a request's own transaction is rolled back by the operation that owns it) when the update throws.
 */
export const rollBackFailedJobUpdates = (payload: Payload): void => {
  const db = payload.db as unknown as JobsAdapter
  if (db.name !== 'postgres' || typeof db.updateJobs !== 'function') return
  const updateJobs = db.updateJobs
  db.updateJobs = async function guardedUpdateJobs(args) {
    try {
      return await updateJobs.call(this, args)
    } catch (error) {
      const req = args?.req
      const id = req && !('payload' in req) ? await (req.transactionID as Promise<string | number | null> | string | number | undefined) : undefined
      if (id !== undefined && id !== null && db.sessions[String(id)]) await db.rollbackTransaction(id).catch(() => undefined)
      throw error
    }
  }
}
