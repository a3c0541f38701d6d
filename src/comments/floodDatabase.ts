import type { Payload, PayloadRequest } from 'payload'

import type { AtomicCount, StoreSweep } from './flood'
import { runStatement, runSweep, submissionStatements } from './statements'

/** The count in a returned `data` column (JSON text on SQLite, an object on PostgreSQL). */
export const countIn = (data: unknown): number | undefined => {
  const parsed = typeof data === 'string' ? JSON.parse(data) : data
  return typeof (parsed as { count?: unknown })?.count === 'number' ? (parsed as { count: number }).count : undefined
}

/**
 * The flood counter in one statement when `payload.kv` is Payload's database KV store on PostgreSQL or SQLite:
 * an upsert on the store's own table (`payload-kv`, unique `key`, JSON `data`) that starts a new {window, count}
 * or adds one to the current window's count, returning the new count (statements.ts). Atomic across every
 * instance sharing the database, and one round trip instead of the store's get + find + write. Undefined (the
 * caller falls back to the KV interface) for any other store or adapter.
 */
export const databaseFloodCounter = (payload: Payload, req?: Partial<PayloadRequest>): AtomicCount | undefined => {
  if (!submissionStatements(payload)?.floodCount) return undefined
  // Inside a transaction (Local API / GraphQL writes) in its connection; the submit endpoint counts before its
  // transaction begins.
  return async (key, window) => countIn((await runStatement(payload, 'floodCount', { floodKey: key, floodWindow: window }, req))?.data)
}

/**
 * The sweep of past windows' flood entries as one DELETE on the database KV store's table (PostgreSQL, SQLite);
 * undefined for any other store or adapter.
 */
export const databaseFloodSweep = (payload: Payload): StoreSweep | undefined =>
  submissionStatements(payload)?.floodSweep ? (window) => runSweep(payload, window) : undefined
