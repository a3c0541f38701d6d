/**
 * The comment moderation pipeline: small named phases in order, the first decision wins (the shape of Coral
 * Talk's pipeline and of WordPress's wp_allow_comment order). A phase returns nothing (go on), a decision
 * (the comment is stored with that status and reason), or throws an HTTP error (nothing is stored).
 */
import crypto from 'node:crypto'

import { APIError, ValidationError, type PayloadRequest } from 'payload'

import { STAFF_ROLES, hasRole } from '../../access/roles'
import { commentMessage } from '../../src/comments/messages'
import { countAttempt } from '../../src/comments/flood'
import { databaseFloodCounter } from '../../src/comments/floodDatabase'
import { readFormToken } from '../../src/comments/identity'
import { BODY_MAX, NAME_MAX, looksLikeEmail, normalizeEmail, textLength, visibleText } from '../../src/comments/text'
import { factsKey, readSubmissionFacts, type FactsQuery, type SubmissionFacts } from '../../src/comments/facts'
import { moderatorFor, type ModerationSettingsValues } from '../../src/comments/settings'
import { normalizeForMatching, type ModerationReason, type ModerationResult } from '../../src/moderation'
import { loadModerationSettings } from './settings'

export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam'

export interface Decision {
  status: CommentStatus
  /** reason code of the deciding phase (`approved`, `staff`, `blocked_author`, `banned_term`, …) */
  code: string
  reasons?: ModerationReason[]
}

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

export interface PipelineState extends Omit<PipelineInput, 'facts'> {
  /** the moderation settings current for this comment */
  settings: ModerationSettingsValues
  /** the article, duplicate and settings stamp, read together before the phases run */
  facts: SubmissionFacts
  isStaff: boolean
  email?: string
  /** the engine's result, computed once */
  engine?: ModerationResult
  /** fingerprint of the normalised body for duplicate detection */
  fingerprint: string
  /** parent after the depth rule */
  parent?: number | string | null
  /** the form token says the form was sent sooner than minSecondsToSubmit */
  tooFast?: boolean
}

type Phase = (state: PipelineState) => Promise<Decision | void> | Decision | void

const idOf = (value: unknown): number | string | undefined => {
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: number | string }).id
  return typeof value === 'number' || typeof value === 'string' ? value : undefined
}

const fieldError = (state: PipelineState, path: string, code: string, vars: Record<string, unknown> = {}) =>
  new ValidationError({ collection: 'comments', errors: [{ path, message: commentMessage(code, state.req, vars) }], req: state.req })

/** An HTTP refusal: nothing is stored; `data.code` is the stable reason code. */
export class CommentRefusal extends APIError<{ code: string; retryAfter?: number }> {
  constructor(state: PipelineState, status: number, code: string, vars: Record<string, unknown> = {}) {
    super(commentMessage(code, state.req, vars), status, { code, ...vars }, true)
  }
}

/** Replies nest at most this many levels below a top-level comment (level 0). */
export const MAX_REPLY_LEVEL = 5
const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000
const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000

// 1. length and emptiness → 400 naming the field
export const checkLength: Phase = (state) => {
  const { draft, settings } = state
  if (draft.article === undefined || draft.article === null || draft.article === '') {
    throw fieldError(state, 'article', 'comment.article.required')
  }
  const body = visibleText(draft.body)
  if (!body) throw fieldError(state, 'body', 'comment.body.required')
  if (textLength(body) > BODY_MAX) throw fieldError(state, 'body', 'comment.body.too_long', { max: BODY_MAX })
  if (!state.userId || draft.authorName) {
    const name = visibleText(draft.authorName)
    if (!name && !state.userId) throw fieldError(state, 'authorName', 'comment.authorName.required')
    if (textLength(name) > NAME_MAX) throw fieldError(state, 'authorName', 'comment.authorName.too_long', { max: NAME_MAX })
  }
  if (draft.authorEmail && !looksLikeEmail(String(draft.authorEmail).trim())) {
    throw fieldError(state, 'authorEmail', 'comment.authorEmail.invalid')
  }
  if (settings.requireEmail && !state.userId && !draft.authorEmail) {
    throw fieldError(state, 'authorEmail', 'comment.authorEmail.required')
  }
  if (state.form && !state.isStaff && settings.minSecondsToSubmit > 0) {
    const issued = readFormToken(state.req.payload.secret, state.form.token)
    const age = issued === undefined ? undefined : state.form.receivedAt - issued
    if (age === undefined || age > FORM_TOKEN_MAX_AGE_MS || age < -60_000) throw fieldError(state, 'formToken', 'comment.formToken.missing')
    state.tooFast = age < settings.minSecondsToSubmit * 1000
  }
}

// 2. article open: published, allowComments, before commentsCloseAt / closeAfterDays → 403
export const checkArticleOpen: Phase = (state) => {
  const { settings, now } = state
  const article = state.facts.article
  if (!article) throw fieldError(state, 'article', 'article.not_found')
  if (article.status !== 'published') throw new CommentRefusal(state, 403, 'article.not_published')
  if (article.allowComments === false) throw new CommentRefusal(state, 403, 'article.comments_disabled')
  if (article.commentsCloseAt && new Date(article.commentsCloseAt).getTime() <= now.getTime()) {
    throw new CommentRefusal(state, 403, 'article.closed')
  }
  const published = article.publishedAt ?? article.createdAt
  if (settings.closeAfterDays && published) {
    const closes = new Date(published).getTime() + settings.closeAfterDays * 86_400_000
    if (closes <= now.getTime()) throw new CommentRefusal(state, 403, 'article.closed')
  }
}

// 3. parent valid: same article and approved → 400; too deep → attach at the deepest allowed level
export const checkParent: Phase = async (state) => {
  const { req, draft } = state
  const parentId = idOf(draft.parent)
  state.parent = parentId ?? null
  if (parentId === undefined) return
  if (state.originalId !== undefined && String(parentId) === String(state.originalId)) {
    throw fieldError(state, 'parent', 'comment.parent.invalid')
  }
  const chain: Array<{ id: number | string; article: unknown; status: string; parent: unknown }> = []
  let next: number | string | undefined = parentId
  // Walk up to the top-level comment (bounded: stored threads are at most MAX_REPLY_LEVEL + 1 deep).
  while (next !== undefined && chain.length <= MAX_REPLY_LEVEL + 1) {
    const doc = (await req.payload.db
      .findOne({
        collection: 'comments',
        where: { and: [{ id: { equals: next } }, { deletedAt: { exists: false } }] },
        select: { article: true, status: true, parent: true },
        req,
      } as any)
      .catch(() => null)) as any
    if (!doc) break
    chain.push(doc)
    next = idOf(doc.parent)
  }
  const parent = chain[0]
  if (!parent || String(idOf(parent.article)) !== String(idOf(draft.article)) || parent.status !== 'approved') {
    throw fieldError(state, 'parent', 'comment.parent.invalid')
  }
  // chain[i] sits at level chain.length - 1 - i; the new reply would sit at chain.length.
  if (chain.length > MAX_REPLY_LEVEL) {
    state.parent = chain[chain.length - MAX_REPLY_LEVEL]!.id
  }
}

// 4. duplicate: same normalised body, same email or ipHash, same article, within 24 hours → 409
export const checkDuplicate: Phase = (state) => {
  if (state.facts.duplicate) throw new CommentRefusal(state, 409, 'comment.duplicate')
}

// 5. flood: more than floodLimitPerMinute from one ipHash (or user) → 429 with Retry-After; staff exempt
export const checkFlood: Phase = async (state) => {
  if (state.isStaff || state.operation !== 'create') return
  const who = floodKey(state.userId, state.ipHash)
  if (!who) return
  const { count, retryAfter } = state.floodCount ?? (await countAttempt(state.req.payload.kv as any, who, state.now.getTime(), databaseFloodCounter(state.req.payload, state.req)))
  if (count > state.settings.floodLimitPerMinute) {
    const headers = state.req.responseHeaders ?? new Headers()
    headers.set('Retry-After', String(retryAfter))
    state.req.responseHeaders = headers
    throw new CommentRefusal(state, 429, 'comment.flood', { seconds: retryAfter })
  }
}

/** Whom the flood rule counts: the logged-in user, else the hashed address. */
export const floodKey = (userId: number | string | undefined, ipHash: string | undefined) =>
  userId !== undefined ? `user:${userId}` : ipHash ? `ip:${ipHash}` : undefined

// Bot signals of the submit form (honeypot, too fast) → spam, kept for review
export const checkBotSignals: Phase = (state) => {
  if (!state.form || state.isStaff) return
  const trap = state.form.honeypot
  if (state.settings.honeypot && typeof trap === 'string' && trap.trim() !== '') return { status: 'spam', code: 'honeypot' }
  if (state.tooFast) return { status: 'spam', code: 'too_fast' }
}

// 6. blocked author (email or ipHash) → rejected
export const checkBlockedAuthor: Phase = (state) => {
  const blocked = state.settings.blockedAuthors
  if (!blocked.length) return
  if ((state.email && blocked.includes(state.email)) || (state.ipHash && blocked.includes(state.ipHash.toLowerCase()))) {
    return { status: 'rejected', code: 'blocked_author' }
  }
}

// 7. staff (admin, editor, moderator) → approved
export const approveStaff: Phase = (state) => {
  if (state.isStaff) return { status: 'approved', code: 'staff' }
}

const engineFor = (state: PipelineState): ModerationResult => {
  if (!state.engine) {
    state.engine = moderatorFor(state.settings).check({
      body: String(state.draft.body ?? ''),
      authorName: state.draft.authorName ?? undefined,
      authorEmail: state.email,
    })
  }
  return state.engine
}

// 8. engine verdict: banned → rejected, spam → spam, suspect or too many links → pending
export const checkEngine: Phase = (state) => {
  const result = engineFor(state)
  const first = (codes: string[]) => result.reasons.find((reason) => codes.includes(reason.code))?.code
  switch (result.verdict) {
    case 'reject':
      return { status: 'rejected', code: first(['banned_term', 'empty']) ?? 'banned_term' }
    case 'spam':
      return { status: 'spam', code: first(['spam_term', 'spam_name']) ?? 'spam_signal' }
    case 'hold':
      return { status: 'pending', code: first(['suspect_term', 'too_many_links']) ?? 'suspect_term' }
    default:
      return undefined
  }
}

// 9. new commenter: no earlier approved comment from this email / ipHash / user → pending
export const checkNewCommenter: Phase = async (state) => {
  if (!state.settings.holdNewCommenters) return
  const who: any[] = []
  if (state.email) who.push({ authorEmail: { equals: state.email } })
  else if (state.ipHash) who.push({ ipHash: { equals: state.ipHash } })
  if (state.userId !== undefined) who.push({ authorUser: { equals: state.userId } })
  if (who.length) {
    const and: any[] = [{ status: { equals: 'approved' } }, { or: who }, { deletedAt: { exists: false } }]
    if (state.originalId !== undefined) and.push({ id: { not_equals: state.originalId } })
    const { totalDocs } = await state.req.payload.db.count({ collection: 'comments', where: { and }, req: state.req })
    if (totalDocs > 0) return
  }
  return { status: 'pending', code: 'new_commenter' }
}

// 10. pre-moderation → pending
export const checkPreModeration: Phase = (state) => {
  if (state.settings.mode === 'pre') return { status: 'pending', code: 'pre_moderation' }
}

// 11. otherwise approved
export const approve: Phase = () => ({ status: 'approved', code: 'approved' })

/** The phases, in order. */
export const PHASES: ReadonlyArray<[name: string, phase: Phase]> = [
  ['length', checkLength],
  ['articleOpen', checkArticleOpen],
  ['parent', checkParent],
  ['duplicate', checkDuplicate],
  ['flood', checkFlood],
  ['botSignals', checkBotSignals],
  ['blockedAuthor', checkBlockedAuthor],
  ['staff', approveStaff],
  ['engine', checkEngine],
  ['newCommenter', checkNewCommenter],
  ['preModeration', checkPreModeration],
  ['approve', approve],
]

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

export interface PipelineOutcome {
  decision: Decision
  state: PipelineState
}

/** The user a comment is written as: a user of the admin's users collection (not, say, a site's API key). */
export const commentingUser = <U extends { id: number | string; collection?: string; email?: string }>(req: PayloadRequest): U | null => {
  const user = req.user as U | null
  // authorUser points to the admin's user collection (the plugin's `users`, or the host's via usersCollection).
  const usersSlug = req.payload.config.admin?.user ?? 'users'
  return user && (!user.collection || user.collection === usersSlug) ? user : null
}

/** What the pipeline asks the database about a submission (see readSubmissionFacts). */
export const submissionFactsQuery = (
  input: Pick<PipelineInput, 'draft' | 'ipHash' | 'userId' | 'originalId' | 'now'>,
): FactsQuery => ({
  articleId: idOf(input.draft.article),
  fingerprint: bodyFingerprint(input.draft.body),
  since: new Date(input.now.getTime() - DUPLICATE_WINDOW_MS),
  email: normalizeEmail(input.draft.authorEmail),
  ipHash: input.ipHash,
  userId: input.userId,
  excludeId: input.originalId,
})

/** Runs the phases; the first decision wins. Throws the HTTP refusals of phases 1–5. */
export const runPipeline = async ({ facts: readAhead, ...input }: PipelineInput): Promise<PipelineOutcome> => {
  const query = submissionFactsQuery(input)
  const { email, fingerprint } = query
  // One read for what phases 2 and 4 need and for the settings' stamp (or none, when the submit endpoint read
  // them with its flood count for this same query); the settings themselves come from this process's copy
  // unless they changed since it was read.
  const facts = readAhead?.key !== undefined && readAhead.key === factsKey(query) ? readAhead : await readSubmissionFacts(input.req, query)
  const state: PipelineState = {
    ...input,
    settings: await loadModerationSettings(input.req, facts.settingsStamp),
    facts,
    isStaff: hasRole(input.req.user as any, STAFF_ROLES),
    email,
    fingerprint,
    parent: idOf(input.draft.parent) ?? null,
  }
  for (const [, phase] of PHASES) {
    const decision = await phase(state)
    if (decision) {
      // Engine findings are kept with any decision, so moderators see every signal.
      const engine = state.isStaff && decision.code === 'staff' ? undefined : engineFor(state)
      const signals = (engine?.reasons ?? []).filter((reason) => reason.code !== decision.code || reason.term)
      // A plain approval has nothing to explain; every other decision leads with its own code.
      const reasons = decision.code === 'approved' ? signals : [{ code: decision.code } as ModerationReason, ...signals]
      return { decision: { ...decision, reasons }, state }
    }
  }
  /* c8 ignore next */
  throw new Error('comment pipeline ended without a decision')
}
