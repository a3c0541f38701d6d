/** A piece of a comment body: plain, or a matched term with the reason code that matched it. */
export interface BodySegment {
  text: string
  code?: string
}

export interface ReasonLike {
  code?: string | null
  term?: string | null
  start?: number | null
  end?: number | null
}

/**
 * Cuts a comment body into plain and matched pieces from the reasons' offsets (UTF-16, into the original
 * body). Overlapping or out-of-range offsets are merged or clipped; reasons without offsets are ignored.
 * With `maxLength`, returns a window of about that many characters around the first match, with ellipses.
 */
export const highlightSegments = (body: string, reasons: readonly ReasonLike[] | null | undefined, maxLength?: number): BodySegment[] => {
  const ranges = (reasons ?? [])
    .filter((r) => typeof r.start === 'number' && typeof r.end === 'number' && r.end! > r.start!)
    .map((r) => ({ start: Math.max(0, r.start!), end: Math.min(body.length, r.end!), code: r.code ?? undefined }))
    .filter((r) => r.start < r.end)
  // A matched term is marked as itself: the learned score's n-grams mark only text no term reason covers.
  const isScore = (r: { code?: string }) => r.code === 'likely_offensive'
  const terms = ranges.filter((r) => !isScore(r))
  const kept = [...terms, ...ranges.filter((r) => isScore(r) && !terms.some((t) => r.start < t.end && t.start < r.end))]
  kept.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: typeof ranges = []
  for (const range of kept) {
    const last = merged[merged.length - 1]
    // Overlapping ranges merge; touching ones stay apart, so each keeps its own reason.
    if (last && range.start < last.end) last.end = Math.max(last.end, range.end)
    else merged.push({ ...range })
  }

  let from = 0
  let to = body.length
  if (maxLength && body.length > maxLength) {
    const focus = merged[0]?.start ?? 0
    from = Math.max(0, Math.min(focus - Math.floor(maxLength / 3), body.length - maxLength))
    to = Math.min(body.length, from + maxLength)
  }
  const segments: BodySegment[] = []
  const push = (text: string, code?: string) => {
    if (text) segments.push(code ? { text, code } : { text })
  }
  if (from > 0) push('…')
  let cursor = from
  for (const range of merged) {
    if (range.end <= from || range.start >= to) continue
    const start = Math.max(range.start, cursor)
    const end = Math.min(range.end, to)
    push(body.slice(cursor, start))
    push(body.slice(start, end), range.code ?? 'match')
    cursor = end
  }
  push(body.slice(cursor, to))
  if (to < body.length) push('…')
  return segments
}

/** Distinct reason codes in order of first appearance. */
export const reasonCodes = (reasons: readonly ReasonLike[] | null | undefined): string[] => [
  ...new Set((reasons ?? []).map((r) => r.code).filter((code): code is string => Boolean(code))),
]

/** "5 min", "3 h", "2 d" style age of a date, with the unit words given. */
export const ageOf = (date: string | Date | null | undefined, now: Date, units: { minutes: string; hours: string; days: string }): string => {
  if (!date) return ''
  const then = new Date(date).getTime()
  if (!Number.isFinite(then)) return ''
  const minutes = Math.max(0, Math.floor((now.getTime() - then) / 60_000))
  if (minutes < 60) return `${minutes} ${units.minutes}`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} ${units.hours}`
  return `${Math.floor(hours / 24)} ${units.days}`
}
