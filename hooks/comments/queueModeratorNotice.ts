import type { CollectionAfterChangeHook } from 'payload'

import { queueNoticeWhenHeld } from '../../src/comments/notice'
import type { Comment } from '../../src/comments/payload'

/** afterChange: a comment that became held queues the e-mail to the moderators. */
export const queueModeratorNotice: CollectionAfterChangeHook<Comment> = async ({ doc, previousDoc, operation, req }) => {
  await queueNoticeWhenHeld(doc, previousDoc, operation, req)
  return doc
}
