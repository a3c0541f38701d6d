import type { PayloadRequest } from 'payload'

import type { ModerationReason, ModerationResult } from '../../moderation'
import type { CommentStatus } from '../constants'
import type { SubmissionFacts } from '../facts'
import type { ModerationSettingsValues } from '../settings'

export type { CommentStatus }

/** What a phase decides: the comment is stored with this status, and the reason code says why. */
export interface Decision {
  status: CommentStatus
  /** reason code of the deciding phase (`approved`, `staff`, `blocked_author`, `banned_term`, …) */
  code: string
  reasons?: StoredReason[]
}

/** A reason as stored on the comment: the engine's, or one of the pipeline's own codes (`staff`, `honeypot`, …). */
export type StoredReason = Omit<ModerationReason, 'code'> & { code: string }

/** A submission as the pipeline receives it from the hook (or the submit endpoint, through the hook). */
export interface PipelineInput {
  req: PayloadRequest
  operation: 'create' | 'update'
  /** the comment as it will be stored (incoming data over the original) */
  draft: {
    article?: number | string
    parent?: number | string | null
    body?: string
    authorName?: string | null
    authorEmail?: string | null
  }
  /** the stored comment on update */
  originalId?: number | string
  ipHash?: string
  userId?: number | string
  /** honeypot value and form token from the submit endpoint (absent for Local API / GraphQL writes) */
  form?: { honeypot?: unknown; token?: unknown; receivedAt: number }
  /** the attempt as already counted by the submit endpoint (outside the transaction) */
  floodCount?: { count: number; retryAfter: number }
  /** the facts as read by the submit endpoint with that count; used when they answer this run's query */
  facts?: SubmissionFacts
  now: Date
}

/** What every phase may read, filled before the first one runs (and by the phases, as noted). */
export interface PipelineState extends Omit<PipelineInput, 'facts'> {
  /** the moderation settings current for this comment */
  settings: ModerationSettingsValues
  /** the article, duplicate and settings stamp, read together before the phases run */
  facts: SubmissionFacts
  isStaff: boolean
  email?: string
  /** the engine's result, computed once (engineVerdict.ts) */
  engine?: ModerationResult
  /** fingerprint of the normalised body for duplicate detection */
  fingerprint: string
  /** parent after the depth rule (parent.ts) */
  parent?: number | string | null
  /** the form token says the form was sent sooner than minSecondsToSubmit (length.ts) */
  tooFast?: boolean
}

/**
 * A phase: nothing (go on), a decision (first one wins), or a thrown refusal (nothing is stored). `Reads` names
 * the part of the state it reads or fills, as Coral Talk's phases declare theirs.
 */
export type Phase<Reads extends keyof PipelineState = keyof PipelineState> = (
  state: Pick<PipelineState, Reads>,
) => Promise<Decision | void> | Decision | void
