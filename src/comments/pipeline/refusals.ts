import { APIError, ValidationError, type PayloadRequest } from 'payload'

import { commentMessage } from '../messages'

/** 400 naming the field, in the reader's language: nothing is stored. */
export const fieldError = (req: PayloadRequest, path: string, code: string, vars: Record<string, unknown> = {}) =>
  new ValidationError({ collection: 'comments', errors: [{ path, message: commentMessage(code, req, vars) }], req })

/** An HTTP refusal: nothing is stored; `data.code` is the stable reason code. */
export class CommentRefusal extends APIError<{ code: string; retryAfter?: number }> {
  constructor(req: PayloadRequest, status: number, code: string, vars: Record<string, unknown> = {}) {
    super(commentMessage(code, req, vars), status, { code, ...vars }, true)
  }
}
