import type { Payload } from 'payload'

import { sqlTag, tableNameOf } from '../comments/sql'
import { WEBHOOK_DELIVERIES_SLUG } from './slugs'

/** A claim older than this belongs to a runner that died mid-attempt (an attempt takes seconds: a 10 s send at most). */
export const STALE_CLAIM_MS = 2 * 60_000

/**
 * Claims attempt `attempt` of a delivery in one conditional write (`attemptCount` from attempt − 1 to attempt,
 * status still pending, `claimedAt` now). Payload's job runner finds and then marks jobs in two statements, so two
 * instances can pick up the same job; only the one whose write matched sends. A claim of this same attempt older
 * than STALE_CLAIM_MS, whose runner died before recording an outcome, is taken over (the job itself is handed back
 * by src/jobs/releaseStalledJobs.ts); the receiver may then get that attempt twice, under one webhook-id.
 */
export const claimAttempt = async (payload: Payload, deliveryId: string | number, attempt: number, now = new Date()): Promise<boolean> => {
  const db = payload.db as any
  const stale = new Date(now.getTime() - STALE_CLAIM_MS)
  if (db.name === 'mongoose') {
    const model = db.collections[WEBHOOK_DELIVERIES_SLUG]
    const result = await model.updateOne(
      { _id: deliveryId, status: 'pending', $or: [{ attemptCount: attempt - 1 }, { attemptCount: attempt, claimedAt: { $lt: stale } }] },
      { $set: { attemptCount: attempt, claimedAt: now } },
    )
    return result.modifiedCount === 1
  }
  const table = db.tables[tableNameOf(db, WEBHOOK_DELIVERIES_SLUG)!]
  const sql = await sqlTag()
  const id = db.name === 'postgres' || typeof deliveryId === 'number' ? Number(deliveryId) : deliveryId
  const rows = await db.drizzle
    .update(table)
    .set({ attemptCount: attempt, claimedAt: now.toISOString() })
    .where(
      sql`${table.id} = ${id} and ${table.status} = 'pending' and (${table.attemptCount} = ${attempt - 1} or (${table.attemptCount} = ${attempt} and ${table.claimedAt} < ${stale.toISOString()}))`,
    )
    .returning({ id: table.id })
  return rows.length === 1
}
