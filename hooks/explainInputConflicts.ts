import type { AfterErrorHook } from 'payload'

import { inputConflictOf } from '../src/http/dbErrors'

/**
 * afterError: a reference to a document that does not exist, a value the column cannot hold, or (in a read) a where
 * the database cannot run, is the caller's mistake (400), not the server's (500).
 */
export const explainInputConflicts: AfterErrorHook = ({ error, req }) => {
  const conflict = inputConflictOf(error, { read: req?.method === 'GET' || req?.method === 'HEAD' })
  if (!conflict) return
  return { response: { errors: [{ message: conflict.message, data: { code: conflict.code } }] }, status: conflict.status }
}
