import crypto from 'node:crypto'

import type { Payload } from 'payload'

/** How often the job queues run (the autoRun cron in src/config.ts). */
export const JOB_TICK_MS = 10_000

type RedisLike = {
  set: (key: string, value: string, px: 'PX', ms: number, nx: 'NX') => Promise<string | null>
  get: (key: string) => Promise<string | null>
}

const runnerIds = new WeakMap<Payload, string>()

/**
 * The jobs' `shouldAutoRun`: with several instances on one Redis, only one of them runs the queues in each
 * 10-second tick (Payload marks a job `processing` before running it, but two instances claiming at the same
 * moment could both take it). The first instance to claim the tick in Redis, under the site's prefix, runs every
 * queue of that tick. Without Redis (one process) it always runs.
 */
export const runJobsOnOneInstance = async (payload: Payload, now = Date.now()): Promise<boolean> => {
  const kv = payload.kv as unknown as { redisClient?: RedisLike; keyPrefix?: string }
  if (!kv.redisClient) return true
  let id = runnerIds.get(payload)
  if (!id) runnerIds.set(payload, (id = crypto.randomUUID()))
  const key = `${kv.keyPrefix ?? ''}jobs:runner:${Math.floor(now / JOB_TICK_MS)}`
  try {
    if ((await kv.redisClient.set(key, id, 'PX', JOB_TICK_MS * 3, 'NX')) === 'OK') return true
    return (await kv.redisClient.get(key)) === id
  } catch (error) {
    // without the lock another instance may be running the same jobs: wait for Redis (/readyz reports it)
    payload.logger.error({ err: error }, 'cannot claim the job tick in Redis; not running jobs this tick')
    return false
  }
}
