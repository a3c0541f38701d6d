import type { Server } from 'node:http'

import type { Payload } from 'payload'

import { finishQueueRuns } from '../jobs/kick'

type CronLike = { stop: () => void; isBusy: () => boolean }

/** `SHUTDOWN_GRACE_SECONDS`: how long a stopping instance may finish requests and its running job. */
export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 25

/**
 * Stops starting jobs (the crons, and the kicks after writes), and resolves once the job batches that are running (if
 * any) have finished.
 */
export const drainJobs = async (payload: Payload, pollMs = 100): Promise<void> => {
  const crons = [...((payload as unknown as { crons?: CronLike[] }).crons ?? [])]
  for (const cron of crons) cron.stop()
  await finishQueueRuns(payload)
  while (crons.some((cron) => cron.isBusy())) await new Promise((resolve) => setTimeout(resolve, pollMs))
}

/** Stops accepting connections and resolves once every request in flight has been answered. */
export const drainRequests = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    // Keep-alive connections would hold close() open: close each as soon as its answer has gone out.
    const sweep = setInterval(() => server.closeIdleConnections(), 50)
    server.close(() => {
      clearInterval(sweep)
      resolve()
    })
    server.closeIdleConnections()
  })
