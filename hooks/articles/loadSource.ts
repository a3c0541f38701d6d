import type { PayloadRequest } from 'payload'

import type { SourceLike } from '../../src/attribution'

/** The article's (or photo's) Source as a document (the field may hold an id or a populated doc), or null. */
export const loadSource = async (req: PayloadRequest, source: unknown): Promise<SourceLike | null> => {
  if (source === null || source === undefined || source === '') return null
  if (typeof source === 'object') {
    const doc = source as SourceLike
    if (doc.name !== undefined) return doc
    if (doc.id === undefined) return null
    source = doc.id
  }
  // One read per Source per request: stamping and the publish gate both need it on every publish.
  const cache = ((req.context as { newsroomSources?: Map<string, Promise<SourceLike | null>> }).newsroomSources ??= new Map())
  const key = String(source)
  let loaded = cache.get(key)
  if (!loaded) {
    loaded = req.payload
      .findByID({ collection: 'sources', id: source as number | string, depth: 0, overrideAccess: true, req })
      .then((doc) => doc as SourceLike)
      .catch(() => null)
    cache.set(key, loaded)
  }
  return loaded
}
