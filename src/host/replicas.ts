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

type ReplicaPool = { end: () => Promise<void>; on: (event: 'error', listener: (error: Error) => void) => void }
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
