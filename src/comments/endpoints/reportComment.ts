import {
  addDataAndFileToRequest,
  APIError,
  commitTransaction,
  initTransaction,
  killTransaction,
  ValidationError,
  type Endpoint,
} from 'payload'

import { REPORT_REASONS } from '../constants'
import type { CommentContext } from '../context'
import { requestFingerprints } from '../identity'
import { commentMessage } from '../messages'
import { requestUser, storedIdOf, type Comment } from '../payload'
import { lockRow, serialisedInProcess } from '../recount'
import { loadModerationSettings } from '../settings'

/**
 * `POST /api/comments/:id/report` {reason, note}: anyone may report a published comment once (per user, or per
 * ipHash for guests). At `reportThreshold` open reports (made since a moderator last decided on it) an approved
 * comment goes back to `pending` (reason `reported`).
 */
export const reportCommentEndpoint: Endpoint = {
  path: '/:id/report',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const id = storedIdOf(req.payload, req.routeParams?.id)
    const notFound = () => new APIError(commentMessage('comment.not_found', req), 404, { code: 'comment.not_found' }, true)
    // An id the database cannot hold (`abc` for serial ids) names no comment: 404 before any query.
    if (id === undefined) throw notFound()
    const body = (req.data ?? {}) as { reason?: unknown; note?: unknown }
    if (typeof body.reason !== 'string' || !(REPORT_REASONS as readonly string[]).includes(body.reason)) {
      throw new ValidationError({ collection: 'comments', errors: [{ path: 'reason', message: commentMessage('report.reason.invalid', req) }], req })
    }
    const note = typeof body.note === 'string' ? body.note.slice(0, 1000) : undefined
    const user = requestUser(req)
    const reporter = user ? `user:${user.id}` : requestFingerprints(req).ipHash
    if (!reporter) throw new APIError(commentMessage('report.duplicate', req), 400, { code: 'report.no_identity' }, true)

    const shouldCommit = await initTransaction(req)
    try {
      await serialisedInProcess(`comment:${id}`, async () => {
        await lockRow(req, 'comments', id)
        const comment: Comment | null = await req.payload
          .findByID({ collection: 'comments', id, depth: 0, overrideAccess: true, disableErrors: true, req })
          .catch(() => null)
        // Only what the caller may see can be reported (guests: approved comments).
        if (!comment || (!user && comment.status !== 'approved')) throw notFound()
        const reports = comment.reports ?? []
        if (reports.some((report) => report.reporterHash === reporter)) {
          throw new APIError(commentMessage('report.duplicate', req), 409, { code: 'report.duplicate' }, true)
        }
        const now = new Date().toISOString()
        const nextReports = [
          ...reports.map(({ id: rowId, reason, note: n, reporterHash, at }) => ({ id: rowId, reason, note: n, reporterHash, at })),
          { reason: body.reason as (typeof REPORT_REASONS)[number], note, reporterHash: reporter, at: now },
        ]
        const settings = await loadModerationSettings(req)
        // Open reports: those made since a moderator last decided (a decision sets reportCount to 0).
        const open = (comment.reportCount ?? 0) + 1
        const data: Partial<Comment> = { reports: nextReports, reportCount: open }
        if (comment.status === 'approved' && open >= settings.reportThreshold) {
          data.status = 'pending'
          data.moderation = {
            ...(comment.moderation ?? {}),
            verdict: 'hold',
            reasons: [{ code: 'reported', detail: `${open} reports` }, ...(comment.moderation?.reasons ?? []).map(({ id: _id, ...rest }) => rest)],
            decidedBy: 'system',
            decidedAt: now,
          }
        }
        const context: CommentContext = { commentSystemWrite: true }
        await req.payload.update({ collection: 'comments', id, data, overrideAccess: true, depth: 0, req, context })
        return undefined
      })
      if (shouldCommit) await commitTransaction(req)
      return Response.json({ message: commentMessage('report.received', req), code: 'report.received' }, { status: 201 })
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      throw error
    }
  },
}
