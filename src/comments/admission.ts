/**
 * Bounded concurrency for comment submissions on a connection pool. Every submission is a transaction that
 * ends by locking its article's row; hundreds at once would all take a pool connection and wait, and the ones
 * queued behind them in the pool give up after its connection timeout. Queuing here (in memory, no timeout)
 * keeps a few connections free for everything else and lets every submission through.
 */
class Semaphore {
  private active = 0
  private readonly waiting: Array<() => void> = []
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.active++
    try {
      return await task()
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }
}

const byDatabase = new WeakMap<object, Semaphore | null>()

/** Runs `task` with at most (pool size − 2) submissions in flight on PostgreSQL; unbounded elsewhere. */
export const admitSubmission = <T>(db: object & { name?: string; pool?: { options?: { max?: number } } }, task: () => Promise<T>): Promise<T> => {
  let semaphore = byDatabase.get(db)
  if (semaphore === undefined) {
    const max = db.pool?.options?.max ?? 10
    semaphore = db.name === 'postgres' ? new Semaphore(Math.max(1, max - 2)) : null
    byDatabase.set(db, semaphore)
  }
  return semaphore ? semaphore.run(task) : task()
}
