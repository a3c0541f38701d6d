import { CommentRefusal } from './refusals'
import type { Phase } from './types'

/** The same normalised body from the same e-mail, ipHash or user on the same article within 24 hours → 409. */
export const checkDuplicate: Phase<'req' | 'facts'> = ({ req, facts }) => {
  if (facts.duplicate) throw new CommentRefusal(req, 409, 'comment.duplicate')
}
