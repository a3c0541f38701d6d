import crypto from 'node:crypto'

import type { CollectionBeforeValidateHook, CollectionSlug } from 'payload'

import { slugify } from '../src/attribution'

/**
 * Fills `slug` from a title field when it is empty (Chinese titles become pinyin), and keeps it unique in
 * the collection by appending -2, -3… Slugs typed by the editor are normalised the same way.
 */
export const uniqueSlug =
  (titleField: string): CollectionBeforeValidateHook =>
  async ({ collection, data, originalDoc, req }) => {
    if (!data) return data
    const typed = typeof data.slug === 'string' ? data.slug.trim() : ''
    if (!typed && originalDoc?.slug && data.slug === undefined) return data
    const title = data[titleField] ?? originalDoc?.[titleField]
    const base = slugify(typed || title) || `item-${crypto.randomBytes(3).toString('hex')}`
    let candidate = base
    for (let n = 2; n < 50; n++) {
      const clash = await req.payload.find({
        collection: collection.slug as CollectionSlug,
        where: {
          and: [{ slug: { equals: candidate } }, ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : [])],
        },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        draft: true,
        pagination: false,
        req,
      })
      if (clash.docs.length === 0) break
      candidate = `${base}-${n}`
    }
    data.slug = candidate
    return data
  }
