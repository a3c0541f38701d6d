import type { Payload } from 'payload'

type PoolLike = {
  end: () => Promise<void>
  on: (event: 'error', listener: (error: Error) => void) => void
  _clients?: PoolClientLike[]
  _idle?: unknown[]
}
type PoolClientLike = { release?: (destroy?: boolean) => void; activeQuery?: unknown; queryQueue?: unknown[] }
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

/** Closes the database for good: Payload's destroy() forgets the schema but leaves pools open. */
export const closeDatabase = async (payload: Payload): Promise<void> => {
  const pool = poolOf(payload)
  const client = clientOf(payload)
  await payload.destroy()
  if (pool) {
    const ended = pool.end().catch(() => undefined)
    // @payloadcms/db-postgres checks out one client at connect and never releases it, so end() would wait
    // forever: release it with destroy=true (pg's own way to close a checked-out client). Clients that are
    // idle, or busy with a query (pool.query releases those itself), are left to end().
    const idle = new Set((pool._idle ?? []).map((item) => (item as { client?: unknown }).client ?? item))
    const held = (pool._clients ?? []).filter(
      (client) => !idle.has(client) && !client.activeQuery && (client.queryQueue?.length ?? 0) === 0,
    )
    for (const client of held) {
      try {
        client.release?.(true)
      } catch {
        // already released: end() closes it
      }
    }
    await ended
  } else if (client && typeof client.close === 'function') client.close()
}
