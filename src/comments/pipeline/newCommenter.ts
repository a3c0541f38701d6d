import type { Where } from 'payload'

import type { Phase } from './types'

/** holdNewCommenters: no earlier approved comment from this e-mail (else ipHash) or user → pending. */
export const checkNewCommenter: Phase<'req' | 'settings' | 'email' | 'ipHash' | 'userId' | 'originalId'> = async (state) => {
  if (!state.settings.holdNewCommenters) return
  const who: Where[] = []
  if (state.email) who.push({ authorEmail: { equals: state.email } })
  else if (state.ipHash) who.push({ ipHash: { equals: state.ipHash } })
  if (state.userId !== undefined) who.push({ authorUser: { equals: state.userId } })
  if (who.length) {
    const and: Where[] = [{ status: { equals: 'approved' } }, { or: who }, { deletedAt: { exists: false } }]
    if (state.originalId !== undefined) and.push({ id: { not_equals: state.originalId } })
    const { totalDocs } = await state.req.payload.db.count({ collection: 'comments', where: { and }, req: state.req })
    if (totalDocs > 0) return
  }
  return { status: 'pending', code: 'new_commenter' }
}
