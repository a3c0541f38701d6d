import type { CollectionBeforeChangeHook } from 'payload'

import { MODERATION_ROLES, hasRole } from '../../access/roles'
import { requestFingerprints } from '../../src/comments/identity'
import { normalizeEmail } from '../../src/comments/text'
import type { CommentContext } from './context'
import { bodyFingerprint, commentingUser, runPipeline } from './pipeline'

const idOf = (value: unknown) =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: number | string }).id : (value as number | string | undefined)

/**
 * beforeChange: runs the pipeline on a new comment, and again when its author edits an approved (or pending)
 * comment; stamps author, hashes and the decision. Moderators' edits are handled by `recordDecision`.
 */
export const moderateComment: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req, context }) => {
  const flags = context as CommentContext
  if (flags.skipCommentPipeline || flags.commentSystemWrite) {
    if (operation === 'create' || data.body !== undefined) data.fingerprint = bodyFingerprint(data.body ?? originalDoc?.body)
    return data
  }
  const user = req.user as { id: number | string; collection?: string; roles?: string[]; displayName?: string; email?: string } | null
  const now = new Date()

  if (operation === 'update') {
    if (hasRole(user, MODERATION_ROLES)) return data
    const bodyChanged = typeof data.body === 'string' && data.body !== originalDoc?.body
    const nameChanged = typeof data.authorName === 'string' && data.authorName !== originalDoc?.authorName
    if (!bodyChanged && !nameChanged) return data
    const { decision, state } = await runPipeline({
      req,
      operation,
      draft: {
        article: idOf(originalDoc?.article),
        parent: idOf(originalDoc?.parent) ?? null,
        body: data.body ?? originalDoc?.body,
        authorName: data.authorName ?? originalDoc?.authorName,
        authorEmail: originalDoc?.authorEmail,
      },
      originalId: originalDoc?.id,
      ipHash: originalDoc?.ipHash ?? undefined,
      userId: user?.id,
      now,
    })
    data.fingerprint = state.fingerprint
    data.editedAt = now.toISOString()
    // An edit can hold or reject an approved comment again; it never lifts a rejection or a spam verdict.
    if (originalDoc?.status === 'approved' || originalDoc?.status === 'pending') {
      data.status = decision.status
      data.moderation = {
        ...(originalDoc?.moderation ?? {}),
        verdict: verdictOf(decision.status),
        score: state.engine?.score ?? null,
        reasons: decision.reasons,
        decidedBy: 'system',
        decidedAt: now.toISOString(),
      }
    }
    flags.commentDecision = { status: data.status ?? originalDoc?.status, code: decision.code }
    return data
  }

  // create
  const { ipHash, userAgentHash } = requestFingerprints(req as any)
  const fromUser = commentingUser<NonNullable<typeof user>>(req)
  if (fromUser) {
    data.authorUser = fromUser.id
    if (!data.authorName) data.authorName = fromUser.displayName || fromUser.email?.split('@')[0] || 'staff'
    if (!data.authorEmail && fromUser.email) data.authorEmail = fromUser.email
  }
  if (data.authorEmail) data.authorEmail = normalizeEmail(data.authorEmail)
  const { decision, state } = await runPipeline({
    req,
    operation,
    draft: { article: idOf(data.article), parent: idOf(data.parent) ?? null, body: data.body, authorName: data.authorName, authorEmail: data.authorEmail },
    ipHash,
    userId: fromUser?.id,
    form: flags.formSubmission,
    floodCount: flags.floodCount,
    facts: flags.facts,
    now,
  })
  data.parent = state.parent ?? null
  data.ipHash = ipHash ?? null
  data.userAgentHash = userAgentHash ?? null
  data.fingerprint = state.fingerprint
  data.status = decision.status
  data.reports = []
  data.reportCount = 0
  data.featured = hasRole(user, MODERATION_ROLES) ? Boolean(data.featured) : false
  data.moderation = {
    verdict: verdictOf(decision.status),
    score: state.engine?.score ?? null,
    reasons: decision.reasons,
    decidedBy: 'system',
    decidedAt: now.toISOString(),
    note: null,
  }
  flags.commentDecision = { status: decision.status, code: decision.code }
  return data
}

const verdictOf = (status: string) =>
  status === 'approved' ? 'approve' : status === 'pending' ? 'hold' : status === 'spam' ? 'spam' : 'reject'
