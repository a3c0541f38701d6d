/**
 * What the comments collection's beforeChange does with a write: a new comment runs the pipeline and is stamped
 * with its author, hashes and decision; an author's edit of the words runs it again; a moderator's change records
 * who decided. The hooks in hooks/comments/ call these with Payload's arguments.
 */
import type { PayloadRequest } from 'payload'

import { MODERATION_ROLES, hasRole } from '../../access/roles'
import type { CommentContext } from './context'
import { requestFingerprints } from './identity'
import { commentingUser, idOf, requestUser, type Comment } from './payload'
import { runPipeline, type CommentStatus } from './pipeline'
import { bodyFingerprint } from './submission'
import { normalizeEmail } from './text'

/** A comment write as beforeChange receives it. */
export interface CommentWrite {
  data: Partial<Comment>
  originalDoc?: Partial<Comment>
  operation: 'create' | 'update'
  req: PayloadRequest
  context: CommentContext
}

const verdictOf = (status: CommentStatus) =>
  status === 'approved' ? 'approve' : status === 'pending' ? 'hold' : status === 'spam' ? 'spam' : 'reject'

/** beforeChange of a new comment, or of an author's edit of an approved (or pending) one. */
export const moderateCommentWrite = async ({ data, originalDoc, operation, req, context }: CommentWrite): Promise<Partial<Comment>> => {
  if (context.skipCommentPipeline || context.commentSystemWrite) {
    if (operation === 'create' || data.body !== undefined) data.fingerprint = bodyFingerprint(data.body ?? originalDoc?.body)
    return data
  }
  return operation === 'create' ? moderateNewComment(data, req, context) : moderateAuthorEdit(data, originalDoc, req, context)
}

const moderateAuthorEdit = async (data: Partial<Comment>, originalDoc: Partial<Comment> | undefined, req: PayloadRequest, context: CommentContext) => {
  const user = requestUser(req)
  if (hasRole(user, MODERATION_ROLES)) return data
  const bodyChanged = typeof data.body === 'string' && data.body !== originalDoc?.body
  const nameChanged = typeof data.authorName === 'string' && data.authorName !== originalDoc?.authorName
  if (!bodyChanged && !nameChanged) return data
  const now = new Date()
  const { decision, state } = await runPipeline({
    req,
    operation: 'update',
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
      offenseScore: state.engine?.offenseScore ?? null,
      reasons: decision.reasons,
      decidedBy: 'system',
      decidedAt: now.toISOString(),
    }
  }
  context.commentDecision = { status: data.status ?? originalDoc?.status ?? 'pending', code: decision.code }
  return data
}

const moderateNewComment = async (data: Partial<Comment>, req: PayloadRequest, context: CommentContext) => {
  const now = new Date()
  const { ipHash, userAgentHash } = requestFingerprints(req)
  const author = commentingUser(req)
  if (author) {
    data.authorUser = author.id as Comment['authorUser']
    if (!data.authorName) data.authorName = author.displayName || author.email?.split('@')[0] || 'staff'
    if (!data.authorEmail && author.email) data.authorEmail = author.email
  }
  if (data.authorEmail) data.authorEmail = normalizeEmail(data.authorEmail)
  const { decision, state } = await runPipeline({
    req,
    operation: 'create',
    draft: { article: idOf(data.article), parent: idOf(data.parent) ?? null, body: data.body, authorName: data.authorName, authorEmail: data.authorEmail },
    ipHash,
    userId: author?.id,
    form: context.formSubmission,
    floodCount: context.floodCount,
    facts: context.facts,
    now,
  })
  data.parent = (state.parent ?? null) as Comment['parent']
  data.ipHash = ipHash ?? null
  data.userAgentHash = userAgentHash ?? null
  data.fingerprint = state.fingerprint
  data.status = decision.status
  data.reports = []
  data.reportCount = 0
  data.featured = hasRole(requestUser(req), MODERATION_ROLES) ? Boolean(data.featured) : false
  data.moderation = {
    verdict: verdictOf(decision.status),
    score: state.engine?.score ?? null,
    offenseScore: state.engine?.offenseScore ?? null,
    reasons: decision.reasons,
    decidedBy: 'system',
    decidedAt: now.toISOString(),
    note: null,
  }
  context.commentDecision = { status: decision.status, code: decision.code }
  return data
}

/**
 * beforeChange of a moderator's update: a status change (or dismissing the reports of a kept comment) records who
 * decided and when and settles the open reports; an edit of the body marks it edited (the original stays in the
 * version history).
 */
export const recordModeratorDecision = ({ data, originalDoc, operation, req, context }: CommentWrite): Partial<Comment> => {
  if (operation !== 'update' || context.commentSystemWrite) return data
  const user = requestUser(req)
  if (!user || !hasRole(user, MODERATION_ROLES)) return data
  const now = new Date().toISOString()
  const statusChanged = Boolean(data.status && data.status !== originalDoc?.status)
  // Keeping an approved comment that readers reported: the moderator sets `reportCount` to 0 (the panel's "keep").
  const reportsDismissed = data.reportCount === 0 && (originalDoc?.reportCount ?? 0) > 0
  if (statusChanged || reportsDismissed) {
    const reasons = Array.isArray(data.moderation?.reasons) ? data.moderation.reasons : (originalDoc?.moderation?.reasons ?? [])
    data.moderation = { ...(originalDoc?.moderation ?? {}), ...(data.moderation ?? {}), reasons, decidedBy: String(user.id), decidedAt: now }
    // A moderator's decision settles the open reports: the comment leaves the reported queue, and only reports made
    // after it count towards `reportThreshold` again. The reports themselves stay (history; one report per reader).
    data.reportCount = 0
  }
  if (typeof data.body === 'string' && data.body !== originalDoc?.body) {
    data.editedAt = now
    data.fingerprint = bodyFingerprint(data.body)
  }
  return data
}
