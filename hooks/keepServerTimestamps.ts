import type { CollectionBeforeChangeHook } from 'payload'

/**
 * beforeChange of every collection: `createdAt` and `updatedAt` are the server's. A REST or GraphQL caller who
 * sends them (a guest back-dating a comment past the duplicate window, say) is ignored; the server's own writes
 * (Local API: seeds and imports) may still set them.
 */
export const keepServerTimestamps: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (req.payloadAPI === 'local') return data
  const now = new Date().toISOString()
  data.createdAt = operation === 'update' && originalDoc?.createdAt ? originalDoc.createdAt : now
  data.updatedAt = now
  return data
}
