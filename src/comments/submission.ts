/**
 * What identifies a submission, shared by the submit endpoint (which counts the attempt and reads the facts
 * before the transaction) and the pipeline (which uses them): whom the flood rule counts, the body's fingerprint,
 * and the facts query.
 */
import crypto from 'node:crypto'

import { normalizeForMatching } from '../moderation'
import { DUPLICATE_WINDOW_MS } from './constants'
import type { FactsQuery } from './facts'
import { idOf } from './payload'
import { normalizeEmail, visibleText } from './text'

/** Whom the flood rule counts: the logged-in user, else the hashed address. */
export const floodKey = (userId: number | string | undefined, ipHash: string | undefined) =>
  userId !== undefined ? `user:${userId}` : ipHash ? `ip:${ipHash}` : undefined

/**
 * Fingerprint of a body for duplicate detection: the engine's normal form (case, width, look-alikes, traditional
 * → simplified folded) with only letters and digits kept, so spacing and punctuation do not make a new comment.
 */
export const bodyFingerprint = (body: unknown): string => {
  const normal = normalizeForMatching(String(body ?? ''))
  const letters = normal.replace(/[^\p{L}\p{N}]+/gu, '')
  const kept = letters || normal.replace(/\s+/g, '') || visibleText(body)
  return crypto.createHash('sha256').update(kept).digest('hex').slice(0, 32)
}

/** What the pipeline asks the database about a submission (see readSubmissionFacts). */
export const submissionFactsQuery = (input: {
  draft: { article?: unknown; body?: unknown; authorEmail?: unknown }
  ipHash?: string
  userId?: number | string
  originalId?: number | string
  now: Date
}): FactsQuery => ({
  articleId: idOf(input.draft.article),
  fingerprint: bodyFingerprint(input.draft.body),
  since: new Date(input.now.getTime() - DUPLICATE_WINDOW_MS),
  email: normalizeEmail(input.draft.authorEmail),
  ipHash: input.ipHash,
  userId: input.userId,
  excludeId: input.originalId,
})
