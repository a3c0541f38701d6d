import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import type { CommentContext } from '../../src/comments/context'
import { forgetExamplesOfComment, learnFromModeratorDecision } from '../../src/comments/learn'
import { moderateCommentWrite, recordModeratorDecision } from '../../src/comments/moderate'
import type { Comment } from '../../src/comments/payload'

/** beforeChange: the pipeline on a new comment and on an author's edit; stamps author, hashes and decision. */
export const moderateComment: CollectionBeforeChangeHook<Comment> = ({ data, originalDoc, operation, req, context }) =>
  moderateCommentWrite({ data, originalDoc, operation, req, context: context as CommentContext })

/** beforeChange: a moderator's status change records who decided and when; a body edit marks the comment edited. */
export const recordDecision: CollectionBeforeChangeHook<Comment> = ({ data, originalDoc, operation, req, context }) =>
  recordModeratorDecision({ data, originalDoc, operation, req, context: context as CommentContext })

/** afterChange: a moderator's or admin's decision becomes training examples of the offence model. */
export const learnFromDecision: CollectionAfterChangeHook<Comment> = async ({ doc, previousDoc, operation, req, context }) => {
  await learnFromModeratorDecision(doc, previousDoc, operation, req, context as CommentContext)
  return doc
}

/** beforeDelete: the comment's training examples are deleted with it. */
export const forgetExamples: CollectionBeforeDeleteHook = ({ id, req }) => forgetExamplesOfComment(id, req)
