import type { StoredReason } from './pipeline/types'

/**
 * Reasons as the comment stores them: a `likely_offensive` reason keeps its score, detail ("likely offensive
 * (0.93)") and first span, and each further n-gram `explain` found becomes a row of its own with its span, so the
 * queue highlights them all like matched terms (the array field has no nested list).
 */
export const flattenHighlights = (reasons: readonly StoredReason[]): StoredReason[] =>
  reasons.flatMap(({ highlights, ...reason }) => {
    if (!highlights || highlights.length === 0) return [reason]
    const [first, ...rest] = highlights
    return [
      { ...reason, start: first.start, end: first.end },
      ...rest.map((highlight) => ({ code: reason.code, start: highlight.start, end: highlight.end })),
    ]
  })
