/** `req.context` flags of the comments pipeline (server-side only; clients cannot set them). */
export interface CommentContext {
  /** bot signals from the submit endpoint */
  commentSignals?: { honeypot?: boolean; tooFast?: boolean }
  /** a write by the plugin itself (reports, recount): no pipeline, no decision stamp */
  commentSystemWrite?: boolean
  /** seeds and imports: store what was given, run no pipeline */
  skipCommentPipeline?: boolean
  /** set by moderateComment for the response of the submit endpoint */
  commentDecision?: { status: string; code: string }
}
