import type { PayloadRequest } from 'payload'

/**
 * Runs `work` with `req` in a transaction of its own (where the adapter has them: not on SQLite as this app runs
 * it), committed when `work` returns and rolled back when it throws. `req` leaves without a transaction either way.
 */
export const inOwnTransaction = async <T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> => {
  const db = req.payload.db
  const transactionID = db.beginTransaction ? await db.beginTransaction() : null
  if (!transactionID) return work()
  req.transactionID = transactionID
  try {
    const result = await work()
    await db.commitTransaction(transactionID)
    return result
  } catch (error) {
    await db.rollbackTransaction(transactionID)
    throw error
  } finally {
    req.transactionID = undefined
  }
}
