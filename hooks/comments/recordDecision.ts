import type { CollectionBeforeChangeHook } from 'payload'

import { MODERATION_ROLES, hasRole } from '../../access/roles'
import type { CommentContext } from './context'
import { bodyFingerprint } from './pipeline'

/**
 * beforeChange (update): when a moderator changes a comment's status, record who decided and when; when a
 * moderator edits the body, mark it edited (the original stays in the version history).
 */
export const recordDecision: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req, context }) => {
  if (operation !== 'update' || (context as CommentContext).commentSystemWrite) return data
  const user = req.user as { id: number | string } | null
  if (!hasRole(user as any, MODERATION_ROLES)) return data
  const now = new Date().toISOString()
  if (data.status && data.status !== originalDoc?.status) {
    const reasons = Array.isArray(data.moderation?.reasons) ? data.moderation.reasons : (originalDoc?.moderation?.reasons ?? [])
    data.moderation = {
      ...(originalDoc?.moderation ?? {}),
      ...(data.moderation ?? {}),
      reasons,
      decidedBy: String(user!.id),
      decidedAt: now,
    }
  }
  if (typeof data.body === 'string' && data.body !== originalDoc?.body) {
    data.editedAt = now
    data.fingerprint = bodyFingerprint(data.body)
  }
  return data
}
