import crypto from 'node:crypto'

import type { CollectionBeforeValidateHook, CollectionSlug } from 'payload'

import { slugify } from '../src/attribution'

/** True when `slug` is what this hook would have made from `title` (with or without a -N suffix). */
const derivedFrom = (slug: string, title: unknown): boolean => {
  const base = slugify(typeof title === 'string' ? title : '')
  if (!base) return /^item-[0-9a-f]{6}(-\d+)?$/.test(slug)
  return slug === base || (slug.startsWith(`${base}-`) && /^\d+$/.test(slug.slice(base.length + 1)))
}

/**
 * Fills `slug` from a title field (Chinese titles become pinyin) and keeps it unique in the collection by
 * appending -2, -3… A slug the hook made follows later title changes until the document is first published
 * (the admin creates a document before its title is typed); after that, URLs stay put. Slugs typed by the
 * editor are kept, normalised the same way.
 */
export const uniqueSlug =
  (titleField: string): CollectionBeforeValidateHook =>
  async ({ collection, data, originalDoc, req }) => {
    if (!data) return data
    const previous: string | undefined = originalDoc?.slug || undefined
    const typed = typeof data.slug === 'string' ? data.slug.trim() : ''
    const title = data[titleField] ?? originalDoc?.[titleField]
    const titleChanged = data[titleField] !== undefined && data[titleField] !== originalDoc?.[titleField]
    const follows = previous && titleChanged && !originalDoc?.publishedAt && derivedFrom(previous, originalDoc?.[titleField])
    const cleared = data.slug === '' || data.slug === null
    if (previous && !cleared && (!typed || typed === previous) && !follows) {
      data.slug = previous
      return data
    }
    const source = typed && typed !== previous ? typed : title
    const base = slugify(source) || `item-${crypto.randomBytes(3).toString('hex')}`
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
