import type { CollectionAfterChangeHook } from 'payload'

/** Source fields that appear in an article's stamped attribution. */
const STAMPED_FIELDS = ['name', 'homepage', 'creditTemplate', 'license', 'licenseUrl', 'copyrightHolder', 'seoPolicy', 'slug'] as const

/**
 * When a Source changes what its articles show (renamed, new template, licence…), its articles are
 * re-stamped by a background job, not in the editor's request.
 */
export const queueRestamp: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
  if (operation !== 'update') return doc
  const changed = STAMPED_FIELDS.some((field) => JSON.stringify(doc[field] ?? null) !== JSON.stringify(previousDoc?.[field] ?? null))
  if (!changed) return doc
  await req.payload.jobs.queue({ task: 'restampSourceArticles' as never, input: { sourceId: doc.id } as never, queue: 'newsroom', req })
  return doc
}
