/** Waits before attempts 2…8 (the first goes at once): about 5 s, 30 s, 2 min, 10 min, 1 h, 6 h, 24 h. */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000, 21_600_000, 86_400_000] as const

/** Attempts a delivery gets in all: the first and one per retry delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1

/** An endpoint that has failed without a single success for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 3 * 24 * 60 * 60 * 1000

/** Longest wait a `Retry-After` header may ask for; beyond it the usual schedule applies. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000

/**
 * The wait before the attempt after `attemptsMade`, with ±20 % jitter so endpoints that fail together do not
 * retry in lockstep. `null` once the attempts are used up.
 */
export const nextRetryDelay = (attemptsMade: number, random: () => number = Math.random): number | null => {
  const base = RETRY_DELAYS_MS[attemptsMade - 1]
  if (base === undefined) return null
  return Math.round(base * (0.8 + 0.4 * random()))
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or `null` when absent, unreadable or too far off. */
export const parseRetryAfter = (header: string | null | undefined, now: number = Date.now()): number | null => {
  if (!header) return null
  const trimmed = header.trim()
  let ms: number
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000
  else {
    const date = Date.parse(trimmed)
    if (Number.isNaN(date)) return null
    ms = Math.max(0, date - now)
  }
  return ms <= MAX_RETRY_AFTER_MS ? ms : null
}
