import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { recountArticleComments } from '../../src/comments/recount'
import { countsKeptByDatabase } from '../../src/comments/recountTriggers'

const idOf = (value: unknown) =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: number | string }).id : (value as number | string | undefined)

/** afterChange: recount the article's approved comments when a comment's visibility may have changed. */
export const recountComments: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  // SQLite: the triggers recounted in the statement that wrote the comment.
  if (countsKeptByDatabase(req.payload)) return doc
  const article = idOf(doc.article)
  const before = idOf(previousDoc?.article)
  const changed =
    operation === 'create' ||
    doc.status !== previousDoc?.status ||
    String(article) !== String(before) ||
    (doc.deletedAt ?? null) !== (previousDoc?.deletedAt ?? null)
  if (!changed) return doc
  // Only approved comments count: a new held comment leaves the count as it is.
  if (operation === 'create' && doc.status !== 'approved') return doc
  if (article !== undefined) await recountArticleComments(req, article)
  if (before !== undefined && String(before) !== String(article)) await recountArticleComments(req, before)
  return doc
}

/** afterDelete: a comment deleted for good leaves the count. */
export const recountAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (countsKeptByDatabase(req.payload)) return doc
  const article = idOf(doc.article)
  if (article !== undefined && doc.status === 'approved') await recountArticleComments(req, article)
  return doc
}
