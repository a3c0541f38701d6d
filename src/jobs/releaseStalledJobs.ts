import type { Payload, TaskConfig, Where } from 'payload'

import { OUTBOX_QUEUE } from '../outbox'
import { WEBHOOKS_QUEUE } from '../webhooks/slugs'

export const RELEASE_STALLED_JOBS_TASK = 'releaseStalledJobs'

/**
 * How long a job may stay `processing` before it counts as abandoned (its process died mid-run: a crash, a kill -9,
 * a lost machine). The outbox and webhook jobs take seconds; the others (re-stamping a large source, retraining)
 * may take minutes.
 */
export const STALLED_AFTER_MS: Readonly<Record<string, number>> = {
  [OUTBOX_QUEUE]: 2 * 60_000,
  [WEBHOOKS_QUEUE]: 2 * 60_000,
}
export const DEFAULT_STALLED_AFTER_MS = 30 * 60_000

/**
 * Payload marks a job `processing` when a runner takes it and never looks at it again until that runner finishes:
 * a job whose runner died stays taken for ever, and its event or delivery is never sent. This hands such jobs back
 * to the queue. Running one twice is safe: the outbox's fan-out is keyed by event (src/webhooks/queue.ts), a webhook
 * attempt is claimed before sending and a stale claim is taken over (src/webhooks/claim.ts), site revalidation is
 * idempotent. Returns how many were released.
 */
export const releaseStalledJobs = async (payload: Payload, now = Date.now()): Promise<number> => {
  const taken: Where = { processing: { equals: true } }
  const own = Object.keys(STALLED_AFTER_MS)
  const before = (ms: number): Where => ({ updatedAt: { less_than: new Date(now - ms).toISOString() } })
  const groups: Where[] = [
    ...own.map((queue) => ({ and: [taken, { queue: { equals: queue } }, before(STALLED_AFTER_MS[queue]!)] })),
    { and: [taken, { queue: { not_in: own } }, before(DEFAULT_STALLED_AFTER_MS)] },
  ]
  let released = 0
  for (const where of groups) {
    const jobs = (await payload.db.updateJobs({ where, data: { processing: false }, limit: 500, returning: true })) ?? []
    released += jobs.length
  }
  if (released) payload.logger.warn({ released }, 'jobs: handed back jobs whose runner stopped while running them')
  return released
}

/** Every minute, on the plugin's queue. */
export const releaseStalledJobsTask: TaskConfig<{ input: Record<string, never>; output: { released: number } }> = {
  slug: RELEASE_STALLED_JOBS_TASK,
  label: 'Hand back jobs whose runner stopped while running them',
  inputSchema: [],
  outputSchema: [{ name: 'released', type: 'number' }],
  schedule: [{ cron: '* * * * *', queue: 'newsroom' }],
  handler: async ({ req }) => ({ output: { released: await releaseStalledJobs(req.payload) } }),
}
