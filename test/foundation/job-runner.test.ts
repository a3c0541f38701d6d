import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { JOB_TICK_MS } from '../../src/host/jobRunner'
import { startTestApp, type TestApp } from '../helpers/app'

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'
let first: TestApp
let second: TestApp
let alone: TestApp

beforeAll(async () => {
  const secret = crypto.randomBytes(24).toString('hex')
  first = await startTestApp({ label: 'job_runner', redisUrl: REDIS_URL, secret, runJobs: true })
  second = await startTestApp({ redisUrl: REDIS_URL, secret, database: first.database, instanceKey: 'second', runJobs: true })
  alone = await startTestApp({ database: first.database, instanceKey: 'alone', runJobs: true })
})
afterAll(async () => {
  await alone?.close()
  await second?.close()
  await first?.close()
})

const shouldRun = (app: TestApp) => app.config.jobs.shouldAutoRun!(app.payload)

describe('the job queues across instances', () => {
  it('run on one instance per tick: the same instance for every queue of the tick, the other skips it', async () => {
    // stay inside one tick
    const msLeft = JOB_TICK_MS - (Date.now() % JOB_TICK_MS)
    if (msLeft < 3000) await new Promise((resolve) => setTimeout(resolve, msLeft + 50))
    const answers = await Promise.all([shouldRun(first), shouldRun(second), shouldRun(first), shouldRun(second)])
    expect(answers.filter(Boolean)).toHaveLength(2)
    expect(answers[0]).toBe(answers[2])
    expect(answers[1]).toBe(answers[3])
    expect(answers[0]).not.toBe(answers[1])
  })

  it('always run in a single process without Redis', async () => {
    expect(await shouldRun(alone)).toBe(true)
    expect(await shouldRun(alone)).toBe(true)
  })

  it("never run in an app configured without them (the test suites' apps run their jobs by hand)", async () => {
    const manual = await startTestApp({ database: first.database, instanceKey: 'manual' })
    try {
      expect((await manual.rest('GET', '/api/articles?limit=1')).status).toBe(200)
      expect(await shouldRun(manual)).toBe(false)
    } finally {
      await manual.close()
    }
  })

  it('never run where NEWSROOM_RUN_JOBS=false, even once an API request has started the crons', async () => {
    // the REST call goes through Payload's handler, which asks for the instance with its crons on
    expect((await alone.rest('GET', '/api/articles?limit=1')).status).toBe(200)
    expect((alone.payload as unknown as { crons: unknown[] }).crons.length).toBeGreaterThan(0)
    process.env.NEWSROOM_RUN_JOBS = 'false'
    try {
      expect(await shouldRun(alone)).toBe(false)
    } finally {
      delete process.env.NEWSROOM_RUN_JOBS
    }
    expect(await shouldRun(alone)).toBe(true)
  })
})

describe.runIf(/^postgres/.test(process.env.DATABASE_URI ?? ''))('a job update that fails (PostgreSQL)', () => {
  it('gives its connection back: after more failed updates than the pool holds, a user still logs in', async () => {
    // What Payload's runner does when another instance completed (and deleted) the job meanwhile: updateJob begins a
    // transaction of its own and pushes the task's log row, whose foreign key then fails (payload 3.90.1,
    // queues/utilities/updateJob.js, with no rollback). Each failure used to keep a pool connection for good.
    const job = (await alone.payload.jobs.queue({ task: 'dispatchContentEvent' as never, queue: 'outbox', input: { event: { type: 'webhook.test' } } as never })) as unknown as { id: number | string }
    await alone.payload.delete({ collection: 'payload-jobs', id: job.id, overrideAccess: true })
    const pool = (alone.payload.db as unknown as { pool: { options: { max?: number } } }).pool
    for (let i = 0; i < (pool.options.max ?? 10) + 2; i++) {
      const transactionID = await alone.payload.db.beginTransaction()
      const push = { id: crypto.randomBytes(12).toString('hex'), executedAt: new Date().toISOString(), completedAt: new Date().toISOString(), taskSlug: 'dispatchContentEvent', taskID: '1', state: 'succeeded' }
      await expect(alone.payload.db.updateJobs({ id: job.id, data: { log: { $push: push }, updatedAt: null } as never, req: { transactionID } as never })).rejects.toThrow(/payload_jobs_log/)
    }
    const started = Date.now()
    await alone.userToken(`pool-${crypto.randomBytes(3).toString('hex')}@example.com`, ['moderator'])
    expect(Date.now() - started).toBeLessThan(4000)
  })
})
