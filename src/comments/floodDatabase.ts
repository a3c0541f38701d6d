import type { Payload, PayloadRequest } from 'payload'

import type { AtomicCount } from './flood'
import { sqlTag, tableOf, transactionDb } from './sql'

/**
 * The flood counter in one statement when `payload.kv` is Payload's database KV store on PostgreSQL or SQLite:
 * an upsert on the store's own table (`payload-kv`, unique `key`, JSON `data`) that starts a new {window, count}
 * or adds one to the current window's count, returning the new count. Atomic across every instance sharing the
 * database, and one round trip instead of the store's get + find + write. Returns undefined (the caller falls back
 * to the KV interface) for any other store or adapter.
 */
export const databaseFloodCounter = (payload: Payload, req?: Partial<PayloadRequest>): AtomicCount | undefined => {
  const kv = payload.kv as { collectionSlug?: string; redisClient?: unknown } | undefined
  const db = payload.db as any
  if (!kv?.collectionSlug || kv.redisClient || (db.name !== 'postgres' && db.name !== 'sqlite')) return undefined
  const table = tableOf(db, kv.collectionSlug)
  if (!table?.key || !table?.data) return undefined
  return async (key, window) => {
    const sql = await sqlTag()
    const next =
      db.name === 'postgres'
        ? sql`case when (${table.data}->>'window')::bigint = ${window}::bigint
               then jsonb_build_object('window', ${window}::bigint, 'count', (${table.data}->>'count')::int + 1)
               else excluded.data end`
        : sql`case when json_extract(${table.data}, '$.window') = ${window}
               then json_object('window', ${window}, 'count', json_extract(${table.data}, '$.count') + 1)
               else excluded.data end`
    // Inside a transaction (Local API / GraphQL writes) in its connection; the submit endpoint counts before its
    // transaction begins.
    const rows = await ((await transactionDb(db, req)) ?? db.drizzle)
      .insert(table)
      .values({ key, data: { window, count: 1 } })
      .onConflictDoUpdate({ target: table.key, set: { data: next } })
      .returning({ data: table.data })
    const data = rows?.[0]?.data
    const parsed = typeof data === 'string' ? JSON.parse(data) : data
    return typeof parsed?.count === 'number' ? parsed.count : undefined
  }
}
