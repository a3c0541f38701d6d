import type { CollectionAfterChangeHook } from 'payload'

import { recountArticleComments } from '../../src/comments/recount'

/**
 * afterChange of an article: its comment count is recounted from the comments, in the save's transaction. An
 * editor's save writes the article from its latest version, whose `commentCount` is the one of that version's
 * day (the counts are kept on the article's row, not in its versions), so without this every save or autosave
 * set the count back.
 */
export const keepCommentCount: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'update') return doc
  await recountArticleComments(req, doc.id)
  return doc
}
