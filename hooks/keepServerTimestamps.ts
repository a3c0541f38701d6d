import type { CollectionBeforeChangeHook, GlobalBeforeChangeHook, PayloadRequest } from 'payload'

/**
 * `createdAt` and `updatedAt` are the server's. A REST or GraphQL caller who sends them (a guest back-dating a
 * comment past the duplicate window, say, or an editor's `"createdAt": "soon"` that no read of the settings could
 * parse again) is ignored; the server's own writes (Local API: seeds and imports) may still set them.
 */
const stamp = (data: Record<string, unknown>, createdBefore: unknown, req: PayloadRequest) => {
  if (req.payloadAPI === 'local') return data
  const now = new Date().toISOString()
  data.createdAt = createdBefore || now
  data.updatedAt = now
  return data
}

/** beforeChange of every collection of ours. */
export const keepServerTimestamps: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) =>
  stamp(data, operation === 'update' ? originalDoc?.createdAt : undefined, req)

/** beforeChange of our globals (the site and moderation settings). */
export const keepServerGlobalTimestamps: GlobalBeforeChangeHook = ({ data, originalDoc, req }) => stamp(data, originalDoc?.createdAt, req)
