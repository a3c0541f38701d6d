import type { Payload } from 'payload'

const running = new WeakMap<Payload, Map<string, { active: Promise<void>; again: boolean }>>()
/** Per instance: the last run of each queue (the next one waits for it). */
const tailsOf = new WeakMap<Payload, Map<string, Promise<unknown>>>()
/** Instances that are stopping: no more kicks. */
const stopping = new WeakSet<Payload>()

/**
 * Runs of one queue in this process, one after the other: Payload's runner finds its jobs, then marks them, so two
 * runs of a queue at once (its cron and a kick, or two kicks) can take the same job; the loser's bookkeeping then
 * throws on the job the winner completed and deleted. Runs by job id and of all queues are left as they are.
 * (Several processes can still race: each attempt of a webhook is claimed before sending, see src/webhooks/claim.ts,
 * and the outbox fan-out is keyed by event, see src/webhooks/queue.ts.)
 */
export const serializeQueueRuns = (payload: Payload): void => {
  if (tailsOf.has(payload)) return
  const tails = new Map<string, Promise<unknown>>()
  tailsOf.set(payload, tails)
  const run = payload.jobs.run.bind(payload.jobs)
  payload.jobs.run = ((args?: Parameters<typeof run>[0]) => {
    const queue = args?.queue
    if (!queue || args?.allQueues || args?.where) return run(args)
    const previous = tails.get(queue) ?? Promise.resolve()
    const result = previous.then(() => run(args))
    const tail = result.catch(() => undefined)
    tails.set(queue, tail)
    void tail.then(() => {
      if (tails.get(queue) === tail) tails.delete(queue)
    })
    return result
  }) as typeof payload.jobs.run
}

/**
 * For a stopping instance (after its crons are stopped): no more kicks, and resolves once the queue runs under way
 * have finished.
 */
export const finishQueueRuns = async (payload: Payload): Promise<void> => {
  stopping.add(payload)
  for (;;) {
    const tails = [...(tailsOf.get(payload)?.values() ?? [])]
    if (!tails.length) return
    await Promise.all(tails)
  }
}

/**
 * Whether this process may run the job queues now: the same test as the scheduled runs (the config's
 * `jobs.shouldAutoRun`: `runJobs`, `NEWSROOM_RUN_JOBS`, and with Redis the instance holding this tick). A process
 * that may not leaves its jobs to the one that may, on its next scheduled run.
 */
const mayRunJobsHere = async (payload: Payload): Promise<boolean> => {
  const shouldAutoRun = payload.config.jobs?.shouldAutoRun
  return shouldAutoRun ? Boolean(await shouldAutoRun(payload)) : true
}

/**
 * Runs `queue` now rather than at its next scheduled run, coalescing calls: at most one run of a queue at a time per
 * Payload instance, and one more when a kick arrives during a run. Only where the scheduled runs would run it. Call
 * it after the jobs to run are committed (after a write's response, or from a job whose writes are not in a
 * transaction).
 */
export const kickQueue = (payload: Payload, queue: string, limit: number): Promise<void> => {
  if (stopping.has(payload)) return Promise.resolve()
  let queues = running.get(payload)
  if (!queues) running.set(payload, (queues = new Map()))
  const current = queues.get(queue)
  if (current) {
    current.again = true
    return current.active
  }
  const state = { again: false, active: Promise.resolve() }
  state.active = (async () => {
    try {
      if (!(await mayRunJobsHere(payload))) return
      do {
        if (stopping.has(payload)) return
        state.again = false
        await payload.jobs.run({ queue, limit })
      } while (state.again)
    } catch (error) {
      payload.logger.error({ err: error }, `jobs: running the ${queue} queue failed`)
    } finally {
      queues.delete(queue)
    }
  })()
  queues.set(queue, state)
  return state.active
}
