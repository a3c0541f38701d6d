import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { recordContentEvent, taxonomyEvent } from '../../src/outbox'

type TaxonomyType = 'section.changed' | 'tag.changed' | 'source.changed'

/** Records section.changed / tag.changed / source.changed for a save, in its transaction. */
export const recordTaxonomyChange =
  (type: TaxonomyType): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    await recordContentEvent(req, taxonomyEvent(type, doc, previousDoc?.slug !== doc.slug ? previousDoc?.slug : null))
    return doc
  }

/** The same for a deletion. */
export const recordTaxonomyDeleted =
  (type: TaxonomyType): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await recordContentEvent(req, taxonomyEvent(type, doc))
    return doc
  }

/** Records settings.changed when the site settings are saved. */
export const recordSettingsChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await recordContentEvent(req, taxonomyEvent('settings.changed', { id: null, slug: null }))
  return doc
}
