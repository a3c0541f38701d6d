import type { PayloadRequest } from 'payload'

import type { SourceLike } from '../../src/attribution'

/** The article's Source as a document (the field may hold an id or a populated doc), or null. */
export const loadSource = async (req: PayloadRequest, source: unknown): Promise<SourceLike | null> => {
  if (source === null || source === undefined || source === '') return null
  if (typeof source === 'object') {
    const doc = source as SourceLike
    if (doc.name !== undefined) return doc
    if (doc.id === undefined) return null
    source = doc.id
  }
  try {
    return (await req.payload.findByID({
      collection: 'sources',
      id: source as number | string,
      depth: 0,
      overrideAccess: true,
      req,
    })) as SourceLike
  } catch {
    return null
  }
}
