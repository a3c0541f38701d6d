import type { RequestContext } from 'payload'

import type { SubmissionFacts } from './facts'

/** `req.context` flags of the comments pipeline (server-side only; clients cannot set them). */
export interface CommentContext extends RequestContext {
  /** what the submit endpoint took out of the form: the honeypot field's value and the form token */
  formSubmission?: { honeypot?: unknown; token?: unknown; receivedAt: number }
  /** a write by the plugin itself (reports, recount): no pipeline, no decision stamp */
  commentSystemWrite?: boolean
  /** seeds and imports: store what was given, run no pipeline */
  skipCommentPipeline?: boolean
  /** the submit endpoint counted this attempt for the flood rule before the transaction began */
  floodCount?: { count: number; retryAfter: number }
  /** the submission's facts, read by the submit endpoint in the same statement as that count */
  facts?: SubmissionFacts
  /** set by moderateComment for the response of the submit endpoint */
  commentDecision?: { status: string; code: string }
}
