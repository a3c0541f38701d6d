import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest, RequestContext } from 'payload'

import { articleEvent, recordContentEvent } from '../../src/outbox'

const isPublished = (doc: { _status?: string | null } | null | undefined) => doc?._status === 'published'

/** What readers see is the main row (drafts are written to versions only): its state before and after the save. */
const liveRow = (req: PayloadRequest, id: number | string) =>
  req.payload.db.findOne<{ id: number | string; _status?: string; slug?: string }>({ collection: 'articles', where: { id: { equals: id } }, req })

const contextKey = (id: number | string) => `outbox.articles.${id}.before`
type Before = { published: boolean; slug: string | null }

/** Notes whether the article was live before this save (`previousDoc` may be the latest draft instead). */
export const noteLiveArticle: CollectionBeforeChangeHook = async ({ originalDoc, operation, req, context }) => {
  if (operation !== 'update' || !originalDoc?.id) return
  const row = await liveRow(req, originalDoc.id)
  ;(context as RequestContext)[contextKey(originalDoc.id)] = { published: isPublished(row), slug: row?.slug ?? null } satisfies Before
}

/**
 * Records article.published / updated / unpublished in the outbox, in the save's transaction. A draft saved over a
 * published article (autosave) changes nothing a reader sees, and sends nothing.
 */
export const recordArticleEvents: CollectionAfterChangeHook = async ({ doc, req, operation, context }) => {
  const before = (operation === 'update' ? context[contextKey(doc.id)] : undefined) as Before | undefined
  const wasPublished = Boolean(before?.published)
  const after = isPublished(doc) ? doc : await liveRow(req, doc.id)
  const publishedNow = isPublished(after)
  if (!publishedNow && !wasPublished) return doc
  if (publishedNow && wasPublished && !isPublished(doc)) return doc
  const type = publishedNow ? (wasPublished ? 'article.updated' : 'article.published') : 'article.unpublished'
  await recordContentEvent(req, articleEvent(type, doc, before?.slug !== doc.slug ? before?.slug : null))
  return doc
}

/** Records article.deleted for an article readers could see. */
export const recordArticleDeleted: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (isPublished(doc)) await recordContentEvent(req, articleEvent('article.deleted', doc))
  return doc
}
