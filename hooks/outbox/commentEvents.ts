import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { commentEvent, recordContentEvent, type ContentEventType } from '../../src/outbox'

const idOf = (value: unknown): number | string | null =>
  value && typeof value === 'object' ? ((value as { id?: number | string }).id ?? null) : ((value as number | string | null) ?? null)

const articleOf = async (req: PayloadRequest, comment: Record<string, unknown>) => {
  const id = idOf(comment.article)
  if (id === null) return null
  const article = await req.payload.db.findOne<{ id: number | string; slug?: string }>({ collection: 'articles', where: { id: { equals: id } }, req })
  return article ?? { id }
}

/** What a change of status means to readers: shown, taken down, or held for review after being shown. */
const eventFor = (before: string | undefined, after: string, bodyChanged: boolean): Extract<ContentEventType, `comment.${string}`> | null => {
  if (after === 'approved') return before === 'approved' && !bodyChanged ? null : 'comment.approved'
  if (before !== 'approved') return null
  return after === 'pending' ? 'comment.held' : 'comment.removed'
}

/** Records comment.approved / held / removed when what readers see of a thread changes (in the save's transaction). */
export const recordCommentEvents: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  const before = operation === 'update' ? previousDoc?.status : undefined
  const bodyChanged = operation === 'update' && (previousDoc?.body !== doc.body || previousDoc?.featured !== doc.featured)
  const type = eventFor(before, doc.status, bodyChanged)
  if (!type) return doc
  // One event per comment and outcome per request, however many nested saves the comment room makes.
  const once = `outbox.comments.${doc.id}.${type}`
  if (req.context[once]) return doc
  req.context[once] = true
  const article = await articleOf(req, doc)
  if (article) await recordContentEvent(req, commentEvent(type, doc, article))
  return doc
}

/** Records comment.removed when an approved comment is deleted. */
export const recordCommentDeleted: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (doc?.status !== 'approved') return doc
  const article = await articleOf(req, doc)
  if (article) await recordContentEvent(req, commentEvent('comment.removed', doc, article))
  return doc
}
