import { MAX_REPLY_LEVEL } from '../constants'
import { idOf, type Comment } from '../payload'
import { fieldError } from './refusals'
import type { Phase } from './types'

type ChainLink = Pick<Comment, 'id' | 'article' | 'status' | 'parent'>

/** The parent is an approved comment of the same article → else 400; a reply too deep is attached higher up. */
export const checkParent: Phase<'req' | 'draft' | 'originalId' | 'parent'> = async (state) => {
  const { req, draft } = state
  const parentId = idOf(draft.parent)
  state.parent = parentId ?? null
  if (parentId === undefined) return
  if (state.originalId !== undefined && String(parentId) === String(state.originalId)) {
    throw fieldError(req, 'parent', 'comment.parent.invalid')
  }
  const chain: ChainLink[] = []
  let next: number | string | undefined = parentId
  // Walk up to the top-level comment (bounded: stored threads are at most MAX_REPLY_LEVEL + 1 deep).
  while (next !== undefined && chain.length <= MAX_REPLY_LEVEL + 1) {
    const doc: ChainLink | null = await req.payload.db
      .findOne<ChainLink>({
        collection: 'comments',
        where: { and: [{ id: { equals: next } }, { deletedAt: { exists: false } }] },
        select: { article: true, status: true, parent: true },
        req,
      })
      .catch(() => null)
    if (!doc) break
    chain.push(doc)
    next = idOf(doc.parent)
  }
  const parent = chain[0]
  if (!parent || String(idOf(parent.article)) !== String(idOf(draft.article)) || parent.status !== 'approved') {
    throw fieldError(req, 'parent', 'comment.parent.invalid')
  }
  // chain[i] sits at level chain.length - 1 - i; the new reply would sit at chain.length.
  if (chain.length > MAX_REPLY_LEVEL) state.parent = chain[chain.length - MAX_REPLY_LEVEL]!.id
}
