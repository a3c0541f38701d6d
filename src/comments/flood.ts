import type { FloodStore } from './payload'
import { createSerialiser } from './serialise'

/**
 * Per-minute counters for the flood rule, in Payload's KV store. With the Redis KV adapter the count is an
 * atomic INCR on a per-minute key that expires, shared by every instance; with another store (the database KV by
 * default) one entry per identity holds {window, count}, read and written serialised per key inside this process;
 * entries of past windows are removed by the `sweepFloodCounters` job ({@link sweepStaleEntries}).
 */

export const FLOOD_WINDOW_MS = 60_000

const serialised = createSerialiser()

export interface FloodCount {
  /** attempts in the current window, this one included */
  count: number
  /** seconds until the window ends */
  retryAfter: number
}

/** Atomic "count one more in this window" for a store that can do it in one statement (see floodDatabase.ts). */
export type AtomicCount = (key: string, window: number) => Promise<number | undefined>

/** The one-minute window an instant falls in, and the seconds until it ends. */
export const floodWindow = (now: number) => {
  const window = Math.floor(now / FLOOD_WINDOW_MS)
  return { window, retryAfter: Math.max(1, Math.ceil(((window + 1) * FLOOD_WINDOW_MS - now) / 1000)) }
}

/** The entry of one identity in a store without expiring keys: {window, count}, no per-minute keys piling up. */
export const floodEntryKey = (who: string) => `flood:${who}`

/** Counts one attempt by `who` in the current one-minute window. */
export const countAttempt = async (kv: FloodStore, who: string, now = Date.now(), atomic?: AtomicCount): Promise<FloodCount> => {
  const { window, retryAfter } = floodWindow(now)
  const key = `flood:${who}:${window}`
  if (kv.redisClient) {
    const full = `${kv.keyPrefix ?? ''}${key}`
    const results = await kv.redisClient.multi().incr(full).pexpire(full, FLOOD_WINDOW_MS * 2).exec()
    const [error, value] = results?.[0] ?? [new Error('redis: MULTI was discarded'), 0]
    if (error) throw error
    return { count: Number(value), retryAfter }
  }
  const identityKey = floodEntryKey(who)
  const counted = atomic ? await atomic(identityKey, window).catch(() => undefined) : undefined
  if (counted !== undefined) return { count: counted, retryAfter }
  return serialised(identityKey, async () => {
    const stored = await kv.get<{ window: number; count: number }>(identityKey)
    const count = stored && stored.window === window ? stored.count + 1 : 1
    await kv.set(identityKey, { window, count })
    return { count, retryAfter }
  })
}

/** Deletes the entries of windows before the given one in one statement (see floodDatabase.ts); returns how many. */
export type StoreSweep = (window: number) => Promise<number | undefined>

/**
 * Removes the entries of past windows from a store without expiring keys, so the store keeps one entry per
 * identity seen in the current minute, not one per identity ever seen. Returns how many it removed (0 on Redis,
 * whose per-minute keys expire on their own). Without a one-statement sweep it walks the store's `flood:` keys.
 */
export const sweepStaleEntries = async (kv: FloodStore, now = Date.now(), sweep?: StoreSweep): Promise<number> => {
  if (kv.redisClient) return 0
  const { window } = floodWindow(now)
  const swept = sweep ? await sweep(window) : undefined
  if (swept !== undefined) return swept
  let removed = 0
  for (const key of await kv.keys()) {
    if (!key.startsWith('flood:')) continue
    removed += await serialised(key, async () => {
      const entry = await kv.get<{ window?: unknown }>(key)
      if (!entry || typeof entry.window !== 'number' || entry.window >= window) return 0
      await kv.delete(key)
      return 1
    })
  }
  return removed
}

/**
 * Attempts by `who` counted so far in the current window, without counting one more (0 when none), for rules that
 * check before they count (the login throttle counts failures after the fact).
 */
export const attemptsSoFar = async (kv: FloodStore, who: string, now = Date.now()): Promise<FloodCount> => {
  const { window, retryAfter } = floodWindow(now)
  if (kv.redisClient) {
    const stored = await kv.get<number | string>(`flood:${who}:${window}`).catch(() => null)
    return { count: Number(stored ?? 0) || 0, retryAfter }
  }
  const stored = await kv.get<{ window: number; count: number }>(floodEntryKey(who))
  return { count: stored && stored.window === window ? stored.count : 0, retryAfter }
}
