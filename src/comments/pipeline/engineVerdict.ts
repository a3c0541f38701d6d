import type { ModerationResult } from '../../moderation'
import { moderatorFor } from '../settings'
import type { Phase, PipelineState } from './types'

/** The engine's result for the comment, computed once per run and kept on the state. */
export const engineResult = (state: Pick<PipelineState, 'engine' | 'settings' | 'draft' | 'email'>): ModerationResult => {
  state.engine ??= moderatorFor(state.settings).check({
    body: String(state.draft.body ?? ''),
    authorName: state.draft.authorName ?? undefined,
    authorEmail: state.email,
  })
  return state.engine
}

/** The engine's verdict: banned (or an offence score over rejectAt) → rejected, spam → spam, suspect, too many links or likely offensive → pending. */
export const checkEngineVerdict: Phase<'engine' | 'settings' | 'draft' | 'email'> = (state) => {
  const result = engineResult(state)
  const first = (codes: string[]) => result.reasons.find((reason) => codes.includes(reason.code))?.code
  switch (result.verdict) {
    case 'reject':
      return { status: 'rejected', code: first(['banned_term', 'empty', 'likely_offensive']) ?? 'banned_term' }
    case 'spam':
      return { status: 'spam', code: first(['spam_term', 'spam_name']) ?? 'spam_signal' }
    case 'hold':
      return { status: 'pending', code: first(['suspect_term', 'too_many_links', 'likely_offensive']) ?? 'suspect_term' }
    default:
      return undefined
  }
}
