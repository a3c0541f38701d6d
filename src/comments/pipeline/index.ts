/**
 * The comment moderation pipeline: small named phases, a file each, in the order below; the first decision
 * wins (the shape of Coral Talk's pipeline and of WordPress's wp_allow_comment order). A phase returns nothing
 * (go on), a decision (the comment is stored with that status and reason), or throws an HTTP refusal (nothing
 * is stored). A new phase is one new file and one line here.
 */
import { STAFF_ROLES, hasRole } from '../../../access/roles'
import { factsKey, readSubmissionFacts } from '../facts'
import { flattenHighlights } from '../offenseReasons'
import { idOf } from '../payload'
import { loadModerationSettings } from '../settings'
import { submissionFactsQuery } from '../submission'
import { approve } from './approve'
import { checkArticleOpen } from './articleOpen'
import { checkBlockedAuthor } from './blockedAuthor'
import { checkDuplicate } from './duplicate'
import { checkEngineVerdict, engineResult } from './engineVerdict'
import { checkFlood } from './flood'
import { checkHoneypot } from './honeypot'
import { checkLength } from './length'
import { checkNewCommenter } from './newCommenter'
import { checkParent } from './parent'
import { checkPreModeration } from './preModeration'
import { approveStaff } from './staff'
import { checkTooFast } from './tooFast'
import type { Decision, Phase, PipelineInput, PipelineState, StoredReason } from './types'

export type { CommentStatus, Decision, Phase, PipelineInput, PipelineState, StoredReason } from './types'
export { CommentRefusal } from './refusals'

/** The phases, in order. */
export const PHASES: ReadonlyArray<readonly [name: string, phase: Phase]> = [
  // Refusals first: a malformed, misplaced, repeated or flooding submission is not stored at all (4xx).
  ['length', checkLength],
  ['articleOpen', checkArticleOpen],
  ['parent', checkParent],
  ['duplicate', checkDuplicate],
  ['flood', checkFlood],
  // Bot signals of the submit form: kept as spam for review, never published.
  ['honeypot', checkHoneypot],
  ['tooFast', checkTooFast],
  // Who wrote it: a blocked author is rejected before staff are waved through.
  ['blockedAuthor', checkBlockedAuthor],
  ['staff', approveStaff],
  // What it says: the engine's verdict.
  ['engineVerdict', checkEngineVerdict],
  // How much the site trusts readers: new commenters and pre-moderation hold what is left.
  ['newCommenter', checkNewCommenter],
  ['preModeration', checkPreModeration],
  ['approve', approve],
]

export interface PipelineOutcome {
  decision: Decision
  state: PipelineState
}

/** Runs the phases; the first decision wins. Throws the HTTP refusals of the first phases. */
export const runPipeline = async ({ facts: readAhead, ...input }: PipelineInput): Promise<PipelineOutcome> => {
  const query = submissionFactsQuery(input)
  const { email, fingerprint } = query
  // One read for what the article and duplicate phases need and for the settings' stamp (or none, when the
  // submit endpoint read them with its flood count for this same query); the settings themselves come from this
  // process's copy unless they changed since it was read.
  const facts = readAhead?.key !== undefined && readAhead.key === factsKey(query) ? readAhead : await readSubmissionFacts(input.req, query)
  const state: PipelineState = {
    ...input,
    settings: await loadModerationSettings(input.req, facts.settingsStamp),
    facts,
    isStaff: hasRole(input.req.user, STAFF_ROLES),
    email,
    fingerprint,
    parent: idOf(input.draft.parent) ?? null,
  }
  for (const [, phase] of PHASES) {
    const decision = await phase(state)
    if (!decision) continue
    // Engine findings are kept with any decision, so moderators see every signal.
    const engine = state.isStaff && decision.code === 'staff' ? undefined : engineResult(state)
    const signals = (engine?.reasons ?? []).filter((reason) => reason.code !== decision.code || reason.term)
    // The engine's own reason for its decision, when it has one without a term (likely_offensive: score, detail, spans).
    const lead: StoredReason = engine?.reasons.find((reason) => reason.code === decision.code && !reason.term) ?? { code: decision.code }
    // A plain approval has nothing to explain; every other decision leads with its own code.
    const reasons = flattenHighlights(decision.code === 'approved' ? signals : [lead, ...signals])
    return { decision: { ...decision, reasons }, state }
  }
  /* c8 ignore next */
  throw new Error('comment pipeline ended without a decision')
}
