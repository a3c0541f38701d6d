/**
 * The offence score's part in the verdict: at or above holdAt an approved
 * comment is held, at or above rejectAt (if the site set one) an approved or
 * held comment is rejected. Spam and rejections stand as they are.
 */
import type { ModerationResult, OffensePolicy } from '../types'

export function checkOffensePolicy(offense: OffensePolicy | undefined): OffensePolicy | undefined {
  if (offense === undefined) return undefined
  if (!offense || typeof offense.model?.score !== 'function' || typeof offense.model?.explain !== 'function') {
    throw new Error('offense.model must have score(text) and explain(text, k)')
  }
  if (!(typeof offense.holdAt === 'number' && offense.holdAt > 0 && offense.holdAt <= 1)) {
    throw new Error('offense.holdAt must be a number with 0 < holdAt ≤ 1')
  }
  if (offense.rejectAt !== undefined && !(typeof offense.rejectAt === 'number' && offense.rejectAt >= offense.holdAt && offense.rejectAt <= 1)) {
    throw new Error('offense.rejectAt must be a number with holdAt ≤ rejectAt ≤ 1')
  }
  return offense
}

export function applyOffenseScore(result: ModerationResult, body: string, offense: OffensePolicy): ModerationResult {
  const score = offense.model.score(body)
  const rounded = Math.round(score * 1000) / 1000
  result.offenseScore = rounded
  if (result.verdict === 'spam' || result.verdict === 'reject') return result
  const rejects = offense.rejectAt !== undefined && score >= offense.rejectAt
  if (!rejects && score < offense.holdAt) return result
  const highlights = offense.model.explain(body, offense.explain ?? 5)
  result.reasons.push({
    code: 'likely_offensive',
    detail: `likely offensive (${score.toFixed(2)})`,
    offenseScore: rounded,
    ...(highlights.length > 0 ? { start: highlights[0].start, end: highlights[0].end } : {}),
    highlights,
  })
  if (rejects) {
    result.verdict = 'reject'
    result.score = rounded
  } else if (result.verdict === 'approve') {
    result.verdict = 'hold'
    result.score = rounded
  }
  return result
}
