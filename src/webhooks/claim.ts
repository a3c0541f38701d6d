import type { Payload } from 'payload'

import { WEBHOOK_DELIVERIES_SLUG } from './slugs'

type SqlTag = typeof import('@payloadcms/db-postgres').sql
let loading: Promise<SqlTag> | undefined
const sqlTag = (): Promise<SqlTag> => (loading ??= import('@payloadcms/db-postgres').then((module) => module.sql))

/**
 * Claims attempt `attempt` of a delivery in one conditional write (`attemptCount` from attempt − 1 to attempt,
 * status still pending). Payload's job runner finds and then marks jobs in two statements, so two instances can
 * pick up the same job; only the one whose write matched sends.
 */
export const claimAttempt = async (payload: Payload, deliveryId: string | number, attempt: number): Promise<boolean> => {
  const db = payload.db as any
  if (db.name === 'mongoose') {
    const model = db.collections[WEBHOOK_DELIVERIES_SLUG]
    const result = await model.updateOne({ _id: deliveryId, attemptCount: attempt - 1, status: 'pending' }, { $set: { attemptCount: attempt } })
    return result.modifiedCount === 1
  }
  const tableName = db.tableNameMap?.get?.(WEBHOOK_DELIVERIES_SLUG.replace(/-/g, '_')) ?? WEBHOOK_DELIVERIES_SLUG.replace(/-/g, '_')
  const table = db.tables[tableName]
  const sql = await sqlTag()
  const id = db.name === 'postgres' || typeof deliveryId === 'number' ? Number(deliveryId) : deliveryId
  const rows = await db.drizzle
    .update(table)
    .set({ attemptCount: attempt })
    .where(sql`${table.id} = ${id} and ${table.attemptCount} = ${attempt - 1} and ${table.status} = 'pending'`)
    .returning({ id: table.id })
  return rows.length === 1
}
