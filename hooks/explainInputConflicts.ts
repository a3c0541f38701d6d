import type { AfterErrorHook } from 'payload'

import { inputConflictOf } from '../src/http/dbErrors'

/**
 * afterError: a reference to a document that does not exist, or a number the column cannot hold, is the caller's
 * mistake (400), not the server's (500).
 */
export const explainInputConflicts: AfterErrorHook = ({ error }) => {
  const conflict = inputConflictOf(error)
  if (!conflict) return
  return { response: { errors: [{ message: conflict.message, data: { code: conflict.code } }] }, status: conflict.status }
}
