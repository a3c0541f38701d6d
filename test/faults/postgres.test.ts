/**
 * PostgreSQL and Redis faults under a steady stream of readers' comments, on throwaway servers of this file's own
 * (never the shared 5432/6379): connection resets, a 5 s stall, an immediate stop and restart, 2 s per query,
 * Redis paused and down. Acknowledged (2xx) comments must all be there exactly once afterwards.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { acknowledged, postNonce, sleep, startServer, steadyPoster, waitUntil, type Outcome, type RunningServer } from './harness'
import { FaultProxy } from './proxy'
import { ThrowawayPostgres, ThrowawayRedis } from './services'

const FLOOD_LIMIT = 5
let postgres: ThrowawayPostgres
let redis: ThrowawayRedis
let pgProxy: FaultProxy
let redisProxy: FaultProxy
let server: RunningServer

beforeAll(async () => {
  postgres = await new ThrowawayPostgres().init()
  redis = await new ThrowawayRedis().start()
  pgProxy = await new FaultProxy({ host: '127.0.0.1', port: postgres.port }).start()
  redisProxy = await new FaultProxy({ host: '127.0.0.1', port: redis.port }).start()
  server = await startServer({
    DATABASE_URI: `postgres://postgres@127.0.0.1:${pgProxy.port}/postgres`,
    REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
    FAULTS_FLOOD_LIMIT: String(FLOOD_LIMIT),
  })
})

afterAll(async () => {
  if (server && server.child.exitCode !== null) console.log(`server exited with ${server.child.exitCode}:\n${server.log().slice(-4000)}`)
  await server?.kill()
  await pgProxy?.stop()
  await redisProxy?.stop()
  await redis?.stop()
  postgres?.destroy()
})

/** Reads the comments straight from the cluster (not through the proxy or the server). */
const readDatabase = async () => {
  const client = new pg.Client({ connectionString: postgres.uri })
  await client.connect()
  try {
    const comments = await client.query<{ body: string }>(`select body from comments where body like 'Comment nonce-%'`)
    const counts = await client.query<{ id: number; stored: string; approved: string }>(
      `select a.id, coalesce(a.comment_count, 0) as stored,
              (select count(*) from comments c where c.article_id = a.id and c.status = 'approved') as approved
         from articles a`,
    )
    const byNonce = new Map<string, number>()
    for (const { body } of comments.rows) {
      const nonce = body.replace('Comment ', '')
      byNonce.set(nonce, (byNonce.get(nonce) ?? 0) + 1)
    }
    return { byNonce, counts: counts.rows.map((row) => ({ id: row.id, stored: Number(row.stored), approved: Number(row.approved) })) }
  } finally {
    await client.end()
  }
}

/** The acknowledged comments missing from the database, and those stored more than once. */
const lossReport = async (outcomes: Outcome[]) => {
  const { byNonce, counts } = await readDatabase()
  const acked = acknowledged(outcomes)
  return {
    acked: acked.length,
    missing: acked.filter((o) => !byNonce.has(o.nonce)).map((o) => o.nonce),
    duplicated: [...byNonce].filter(([, n]) => n > 1).map(([nonce]) => nonce),
    wrongCounts: counts.filter((row) => row.stored !== row.approved),
  }
}

const health = async () => {
  const response = await fetch(server.url('/healthz'), { signal: AbortSignal.timeout(10_000) })
  return { status: response.status, body: await response.json() }
}

const postSucceeds = async () => {
  const outcome = await postNonce(server, { timeoutMs: 10_000 })
  return typeof outcome.status === 'number' && outcome.status < 300
}

describe('PostgreSQL faults under a steady stream of comments', () => {
  it('loses no acknowledged comment through resets, a 5 s stall and an immediate stop; answers again within 15 s, without a restart', async () => {
    const poster = steadyPoster(server, 150)
    await sleep(2000)
    expect(pgProxy.resetAll()).toBeGreaterThan(0)
    await sleep(2000)
    pgProxy.resetAll()
    await sleep(1000)
    await pgProxy.stall(5000)
    await sleep(2000)

    postgres.stopImmediately()
    await sleep(1000)
    const whileDown = await health()
    await sleep(2000)
    postgres.start()
    const backAfter = await waitUntil(postSucceeds, 15_000, 'a 2xx comment POST after PostgreSQL came back')
    const healthAfter = await health()
    await sleep(2000)
    const outcomes = await poster.stop()

    const report = await lossReport(outcomes)
    const statuses = outcomes.map((o) => o.status)
    console.log(
      `postgres faults: ${outcomes.length} posts, ${report.acked} acknowledged, statuses ${JSON.stringify(countBy(statuses))}, 2xx again ${backAfter} ms after restart`,
    )
    expect(report.acked).toBeGreaterThan(20)
    expect(report.missing).toEqual([])
    expect(report.duplicated).toEqual([])
    expect(report.wrongCounts).toEqual([])
    expect(statuses).not.toContain(500)
    for (const o of outcomes.filter((o) => o.status === 503)) expect(o.retryAfter).toBeTruthy()
    // /healthz said so while the database was gone, and recovered
    expect(whileDown.status).toBe(503)
    expect(whileDown.body.status).toBe('error')
    expect(healthAfter).toEqual({ status: 200, body: { status: 'ok', db: 'ok' } })
    // the same process throughout
    expect(server.child.exitCode).toBeNull()
    expect(server.child.pid).toBe(server.pid)
  })

  it('a connection lost at COMMIT never answers 201 for a comment that was not stored', async () => {
    const commitLost = pgProxy.resetWhenSent(/\bcommit\b/i)
    const outcome = await postNonce(server, { timeoutMs: 20_000 })
    await commitLost
    const { byNonce } = await readDatabase()
    console.log(`commit lost: the POST answered ${outcome.status}`)
    expect(byNonce.has(outcome.nonce)).toBe(false)
    expect(outcome.status).toBe(503)
    expect(outcome.retryAfter).toBe('5')
    await waitUntil(postSucceeds, 15_000, 'a 2xx comment POST after the lost commit')
  })

  it('a slow database (2 s per query) answers 503 with Retry-After within the 10 s request deadline, and the pool recovers', async () => {
    pgProxy.setLatency(2000)
    try {
      const started = Date.now()
      const outcome = await postNonce(server, { timeoutMs: 30_000 })
      const elapsed = Date.now() - started
      expect(outcome.status).toBe(503)
      expect(outcome.retryAfter).toBeTruthy()
      expect(elapsed).toBeLessThan(13_000)
      const slowHealth = await health()
      expect(slowHealth.status).toBe(503)
    } finally {
      pgProxy.setLatency(0)
    }
    const recovered = await waitUntil(postSucceeds, 90_000, 'a 2xx comment POST after the latency ended')
    console.log(`slow database: 2xx again ${recovered} ms after the latency ended`)
    expect((await health()).status).toBe(200)
    expect(server.child.exitCode).toBeNull()
  })
})

describe('Redis faults', () => {
  const neverA500 = (outcomes: Outcome[]) => {
    for (const o of outcomes) {
      expect([201, 503]).toContain(o.status)
      if (o.status === 503) expect(o.retryAfter).toBeTruthy()
    }
  }

  it('paused or down: posting answers 201 or 503 with Retry-After, never 500 or a hang; flood limits hold again when Redis returns', async () => {
    redis.pause(4000)
    const paused = await Promise.all([0, 1, 2].map(() => postNonce(server, { timeoutMs: 8_000 })))
    neverA500(paused)

    await redisProxy.stall(0)
    await redis.stop()
    const down = await Promise.all([0, 1, 2].map(() => postNonce(server, { timeoutMs: 8_000 })))
    neverA500(down)
    expect(down.some((o) => o.status === 503)).toBe(true)

    await redis.start(redis.port)
    await waitUntil(postSucceeds, 30_000, 'a 2xx comment POST after Redis came back')
    // flood limit again: one address, limit + 1 posts within one minute window
    const msLeft = 60_000 - (Date.now() % 60_000)
    if (msLeft < 10_000) await sleep(msLeft + 100)
    const ip = `10.250.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
    const flood: Outcome[] = []
    for (let i = 0; i <= FLOOD_LIMIT; i++) flood.push(await postNonce(server, { ip }))
    console.log(`redis: paused ${JSON.stringify(paused.map((o) => o.status))}, down ${JSON.stringify(down.map((o) => o.status))}, flood ${JSON.stringify(flood.map((o) => o.status))}`)
    expect(flood.map((o) => o.status)).toEqual([...Array(FLOOD_LIMIT).fill(201), 429])
    expect(server.child.exitCode).toBeNull()
  })
})

describe('control: the check can fail', () => {
  it('with synchronous_commit=off an immediate stop loses acknowledged comments, and the check reports them', async () => {
    postgres.reload({ synchronous_commit: 'off', wal_writer_delay: "'10s'", wal_writer_flush_after: "'1GB'" })
    await sleep(1000)
    const posters = [steadyPoster(server, 60), steadyPoster(server, 60)]
    await sleep(3000)
    postgres.stopImmediately()
    const outcomes = (await Promise.all(posters.map((p) => p.stop()))).flat()
    postgres.start()
    const report = await lossReport(outcomes)
    console.log(`control (synchronous_commit=off): ${report.acked} acknowledged, ${report.missing.length} missing after an immediate stop`)
    expect(report.missing.length).toBeGreaterThan(0)
  })
})

function countBy(values: unknown[]) {
  const counts: Record<string, number> = {}
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1
  return counts
}
