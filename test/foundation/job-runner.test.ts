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
  first = await startTestApp({ label: 'job_runner', redisUrl: REDIS_URL, secret })
  second = await startTestApp({ redisUrl: REDIS_URL, secret, database: first.database, instanceKey: 'second' })
  alone = await startTestApp({ database: first.database, instanceKey: 'alone' })
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
})
