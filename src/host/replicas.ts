import { AsyncLocalStorage } from 'node:async_hooks'

import type { Payload } from 'payload'

/**
 * Read replicas serve the public only. Every read runs on the primary unless it is made inside
 * {@link readFromReplicas}, which the host wraps around anonymous GET/HEAD requests: what a reader's page needs
 * may lag by the replication delay, while staff (editors after a save, moderators after a decision), logins,
 * comment submits and their answers, the flood and duplicate checks, jobs and scripts all read the primary.
 * Writes and everything inside a transaction go to the primary anyway (drizzle's withReplicas).
 */
const publicReads = new AsyncLocalStorage<true>()

/** Runs `work` with its database reads allowed on a replica. */
export const readFromReplicas = <T>(work: () => T): T => publicReads.run(true, work)

type Headers = Record<string, string | string[] | undefined> | { get: (name: string) => string | null }
const header = (headers: Headers, name: string): string | undefined => {
  const value = typeof headers.get === 'function' ? headers.get(name) : (headers as Record<string, string | string[] | undefined>)[name]
  return (Array.isArray(value) ? value.join(';') : value) ?? undefined
}

/** An anonymous read: a GET or HEAD without a token or session cookie, and not a login. */
export const isPublicRead = (method: string, path: string, headers: Headers): boolean => {
  if (method !== 'GET' && method !== 'HEAD') return false
  if (/\/(login|me|refresh-token)(\/|\?|$)/.test(path)) return false
  if (header(headers, 'authorization')) return false
  return !/(^|;\s*)payload-token=/.test(header(headers, 'cookie') ?? '')
}

type Rows = { rows: Array<Record<string, unknown>> }
type ReplicaPool = {
  end: () => Promise<void>
  on: (event: 'error', listener: (error: Error) => void) => void
  query: (sql: string, values?: unknown[]) => Promise<Rows>
}
type ReplicatedAdapter = { drizzle?: { $replicas?: Array<{ $client?: ReplicaPool }> }; primaryDrizzle?: object }

const replicaPools = new WeakMap<object, ReplicaPool[]>()
/** The connection pools of the read replicas (closed with the database). */
export const replicaPoolsOf = (payload: Payload): ReplicaPool[] => replicaPools.get(payload.db) ?? []

/**
 * With `readReplicas` set, @payloadcms/db-postgres sends every read outside a transaction to a replica (and to the
 * primary for 2 s after any write of this process, which neither helps another instance nor leaves much to the
 * replicas on a site that takes comments all the time). This puts the choice per request: the primary, unless
 * the read runs inside {@link readFromReplicas}. Call once after connecting (onInit).
 */
export const routeReadsByRequest = (payload: Payload): boolean => {
  const adapter = payload.db as unknown as ReplicatedAdapter
  const replicated = adapter.drizzle
  const primary = adapter.primaryDrizzle
  if (!replicated || !primary) return false
  const pools = (replicated.$replicas ?? []).flatMap((replica) => (replica.$client ? [replica.$client] : []))
  // a replica that restarts or drops our connections must not take the process down
  for (const pool of pools) pool.on('error', (error) => payload.logger.error({ err: error }, 'replica connection lost; reconnecting on the next query'))
  replicaPools.set(payload.db, pools)
  adapter.drizzle = new Proxy(replicated, {
    get(target, property) {
      const db = publicReads.getStore() ? target : primary
      const value = Reflect.get(db, property, db)
      return typeof value === 'function' ? value.bind(db) : value
    },
  })
  return true
}

/** How long the outbox waits for the read replicas to replay a change before it announces it anyway. */
export const REPLICA_REPLAY_WAIT_MS = 2000
const REPLAY_POLL_MS = 20

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A WAL position (`16/B374D848`) as a number that compares. */
const lsnValue = (lsn: unknown): bigint | null => {
  if (typeof lsn !== 'string' || !/^[0-9A-F]+\/[0-9A-F]+$/i.test(lsn)) return null
  const [high, low] = lsn.split('/')
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`)
}

/**
 * Where each replica's replay stands: one query per replica however many events wait at once (a batch of outbox
 * jobs runs together), shared while it runs. `null` for a replica that cannot be asked (down, restarting) or is
 * not a standby: it is not waited for, its readers get errors or the primary's data, not old pages.
 */
const replayPositions = new WeakMap<object, Promise<Array<bigint | null>>>()
const positionsOf = (payload: Payload, replicas: ReplicaPool[]): Promise<Array<bigint | null>> => {
  let pending = replayPositions.get(payload.db)
  if (!pending) {
    pending = Promise.all(
      replicas.map((replica) =>
        replica.query('SELECT pg_last_wal_replay_lsn()::text AS lsn').then(
          ({ rows }) => lsnValue(rows[0]?.lsn),
          () => null,
        ),
      ),
    ).finally(() => replayPositions.delete(payload.db))
    replayPositions.set(payload.db, pending)
  }
  return pending
}

/**
 * Waits until every read replica has replayed what the primary had written when this is called (a change
 * committed before the call included), at most `timeoutMs`. True when they have, or when there is nothing to wait
 * for (no replicas, not PostgreSQL); false when one is still behind at the deadline.
 *
 * The reader site and the webhooks' receivers re-read public content, which comes from the replicas: told of a
 * change before a replica has it, the site renders the old page again and caches it until the next change.
 */
export const replicasReplayed = async (payload: Payload, timeoutMs = REPLICA_REPLAY_WAIT_MS): Promise<boolean> => {
  const replicas = replicaPoolsOf(payload)
  const primary = (payload.db as unknown as { pool?: Pick<ReplicaPool, 'query'> }).pool
  if (!replicas.length || !primary) return true
  let target: bigint | null
  try {
    target = lsnValue((await primary.query('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]?.lsn)
  } catch (error) {
    payload.logger.warn({ err: error, msg: 'read replicas: could not read the primary’s WAL position; not waiting for the replicas' })
    return true
  }
  if (target === null) return true
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const positions = await positionsOf(payload, replicas)
    if (positions.every((position) => position === null || position >= target)) return true
    if (Date.now() >= deadline) return false
    await sleep(REPLAY_POLL_MS)
  }
}
