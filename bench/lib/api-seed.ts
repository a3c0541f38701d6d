/** Direct batched inserts of comments for the read benchmark (no hooks, no versions), with a progress bar. */
import type { Payload } from 'payload'

import { sqlTag } from '../../src/comments/sql'

const bar = (done: number, total: number, started: number) => {
  const width = 30
  const filled = Math.round((done / total) * width)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  process.stderr.write(`\r  seeding [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds}s`)
  if (done === total) process.stderr.write('\n')
}

export interface SeedRow {
  article: number | string
  parent?: number | string | null
  status: 'approved' | 'pending' | 'rejected' | 'spam'
  body: string
  authorName: string
  ipHash: string
  createdAt: string
  featured?: boolean
}

/** Inserts rows through the adapter's drizzle instance, in batches; returns the ids in order. */
export const insertComments = async (payload: Payload, rows: SeedRow[], options: { batch?: number; progress?: boolean } = {}) => {
  const db = payload.db as any
  const table = db.tables.comments
  const batch = options.batch ?? 500
  const started = Date.now()
  const ids: Array<number | string> = []
  for (let i = 0; i < rows.length; i += batch) {
    const values = rows.slice(i, i + batch).map((row) => ({
      article: row.article,
      parent: row.parent ?? null,
      status: row.status,
      body: row.body,
      authorName: row.authorName,
      ipHash: row.ipHash,
      fingerprint: row.ipHash,
      featured: row.featured ?? false,
      reportCount: 0,
      createdAt: row.createdAt,
      updatedAt: row.createdAt,
    }))
    const inserted = await db.drizzle.insert(table).values(values).returning({ id: table.id })
    ids.push(...inserted.map((row: { id: number | string }) => row.id))
    if (options.progress) bar(Math.min(i + batch, rows.length), rows.length, started)
  }
  return ids
}

/** Fresh planner statistics after a bulk load, as after any import. */
export const analyze = async (payload: Payload) => {
  const db = payload.db as any
  const sql = await sqlTag()
  if (db.name === 'postgres') await db.drizzle.execute(sql`analyze`)
  else await db.drizzle.run(sql`analyze`)
}
