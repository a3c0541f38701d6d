import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'

import { STAFF_ROLES, hasRole } from '../../../access/roles'
import { admitSubmission } from '../admission'
import type { CommentContext } from '../context'
import { countAttemptReadingFacts } from '../facts'
import { countAttempt } from '../flood'
import { databaseFloodCounter } from '../floodDatabase'
import { requestFingerprints } from '../identity'
import { commentMessage } from '../messages'
import { commentingUser, kvStore, requestUser, type Comment } from '../payload'
import { floodKey, submissionFactsQuery } from '../submission'

/** Name of the honeypot field a site renders hidden; people leave it empty, form-filling bots do not. */
export const HONEYPOT_FIELD = 'website'
/** Name of the form token field (from `GET /api/comments/form-token`). */
export const FORM_TOKEN_FIELD = 'formToken'

/** What a reader is told: spam is answered as "waiting for review". */
export const readerOutcome = (status: string, code: string, req: PayloadRequest) => {
  if (status === 'approved') return { status: 'approved', code: 'comment.approved', message: commentMessage('comment.approved', req) }
  if (status === 'rejected') {
    const key = `comment.rejected.${code}`
    return { status: 'rejected', code: key, message: commentMessage(key, req) }
  }
  return { status: 'pending', code: 'comment.pending', message: commentMessage('comment.pending', req) }
}

/**
 * `POST /api/comments`: the reader's submit. Takes the honeypot field and the form token out of the data (the
 * pipeline judges them when the settings ask for them), counts the attempt for the flood rule, then creates the
 * comment through the Local API with the caller's access (field access discards what guests may not set; the
 * pipeline runs in the collection's hooks), and answers in the reader's words.
 */
export const submitCommentEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const data: Record<string, unknown> = { ...((req.data as Record<string, unknown>) ?? {}) }
    const honeypotValue = data[HONEYPOT_FIELD]
    const token = data[FORM_TOKEN_FIELD]
    delete data[HONEYPOT_FIELD]
    delete data[FORM_TOKEN_FIELD]

    const isStaff = hasRole(requestUser(req), STAFF_ROLES)
    // The honeypot and the token are judged in the pipeline, against the settings it reads anyway.
    const context: CommentContext = { formSubmission: { honeypot: honeypotValue, token, receivedAt: Date.now() } }
    // Count the attempt for the flood rule here, before the create opens its transaction: the database KV store
    // works outside transactions, and taking a second pool connection while holding one starves the pool. On the
    // database KV store the same statement reads the pipeline's facts (article, duplicate, settings' stamp).
    if (!isStaff) {
      const { ipHash } = requestFingerprints(req)
      const who = floodKey(requestUser(req)?.id, ipHash)
      if (who) {
        const author = commentingUser(req)
        const now = Date.now()
        const query = submissionFactsQuery({
          draft: { article: data.article, body: data.body, authorEmail: data.authorEmail || author?.email },
          ipHash,
          userId: author?.id,
          now: new Date(now),
        })
        const counted = await countAttemptReadingFacts(req, who, query, now)
        context.floodCount = counted?.flood ?? (await countAttempt(kvStore(req.payload), who, now, databaseFloodCounter(req.payload)))
        context.facts = counted?.facts
      }
    }
    const depth = Number(req.searchParams?.get('depth') ?? 0)
    const doc: Comment = await admitSubmission(req.payload.db, () =>
      req.payload.create({
        collection: 'comments',
        // Whatever the reader sent: field access discards what guests may not set, the pipeline judges the rest.
        data: data as Omit<Comment, 'id' | 'createdAt' | 'updatedAt'>,
        depth: Number.isFinite(depth) ? Math.min(depth, 2) : 0,
        overrideAccess: false,
        user: req.user ?? undefined,
        req,
        context,
      }),
    )

    const decision = context.commentDecision ?? (req.context as CommentContext).commentDecision ?? { status: doc.status, code: doc.status }
    const outcome = readerOutcome(decision.status, decision.code, req)
    // Guests never learn that a comment was taken for spam.
    if (!isStaff && doc.status === 'spam') doc.status = 'pending'
    return Response.json({ doc, message: outcome.message, outcome }, { status: 201 })
  },
}
