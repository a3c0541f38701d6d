import { NotFound, type CollectionBeforeOperationHook } from 'payload'

import { storedIdOf } from '../src/http/ids'

/**
 * beforeOperation of every collection with serial ids: a read, update or delete by an id that cannot be one
 * (`/api/comments/not-a-number`, `%00`) is 404 before it reaches the database, where PostgreSQL would fail the
 * query (a 500).
 */
export const refuseImpossibleIds: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && storedIdOf(req.payload, id) === undefined) throw new NotFound(req.t)
  return args
}
