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

/**
 * beforeOperation of every collection whose ids the database generates: an `id` a caller sends in the data of a
 * create or update is not theirs to choose, and is dropped (the nested-docs plugin read `[1, 2]` from it as the
 * new section's id for its breadcrumbs, a 500). The server's own writes (Local API) keep theirs.
 */
export const dropCallerIds: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || req.payloadAPI === 'local') return args
  const data = (args as { data?: unknown }).data
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && 'id' in data) delete (data as { id?: unknown }).id
  return args
}
