import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Comment } from '../../src/comments/payload'
import { recountAfterCommentChange, recountAfterCommentDelete } from '../../src/comments/recount'

/** afterChange: recount the article's approved comments, in the write's transaction, when visibility may have changed. */
export const recountComments: CollectionAfterChangeHook<Comment> = async ({ doc, previousDoc, operation, req }) => {
  await recountAfterCommentChange(doc, previousDoc, operation, req)
  return doc
}

/** afterDelete: a comment deleted for good leaves the count. */
export const recountAfterDelete: CollectionAfterDeleteHook<Comment> = async ({ doc, req }) => {
  await recountAfterCommentDelete(doc, req)
  return doc
}
