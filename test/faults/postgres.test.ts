/**
 * PostgreSQL and Redis faults under a steady stream of readers' comments, on throwaway servers of this file's own
 * (never the shared 5432/6379): connection resets, a 5 s stall, an immediate stop and restart, 2 s per query,
 * Redis paused and down. Acknowledged (2xx) comments must all be there exactly once afterwards.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { acknowledged, newNonce, postNonce, sleep, startServer, steadyPoster, waitUntil, type Outcome, type RunningServer } from './harness'
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

/** An admin page as a browser asks for it: status, type and HTML. */
const adminPage = async (path: string) => {
  const response = await fetch(server.url(path), { headers: { accept: 'text/html' }, signal: AbortSignal.timeout(10_000) })
  return { status: response.status, type: response.headers.get('content-type') ?? '', retryAfter: response.headers.get('retry-after'), html: await response.text() }
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
    const adminWhileDown = await adminPage('/admin/collections/comments')
    await sleep(2000)
    postgres.start()
    const backAfter = await waitUntil(postSucceeds, 15_000, 'a 2xx comment POST after PostgreSQL came back')
    const healthAfter = await health()
    const adminAfter = await adminPage('/admin')
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
    // the admin said so too, in a page of its own (not Next's bare error page), and let the editor back in afterwards
    expect(adminWhileDown.status).toBe(503)
    expect(adminWhileDown.type).toMatch(/^text\/html/)
    expect(adminWhileDown.retryAfter).toBe('5')
    expect(adminWhileDown.html).toContain('The admin is unavailable: the database is not answering')
    expect(adminWhileDown.html).toContain('数据库没有响应')
    expect(adminWhileDown.html).toMatch(/<meta http-equiv="refresh" content="\d+">/)
    expect(adminAfter.html).not.toContain('database is not answering')
    expect(adminAfter.status).not.toBe(503)
    // the same process throughout
    expect(server.child.exitCode).toBeNull()
    expect(server.child.pid).toBe(server.pid)
  })

  it('a connection lost at COMMIT never answers 201 for a comment that was not stored', async () => {
    // The COMMIT of the transaction that inserted this comment (the connection that carried its nonce), not the
    // first COMMIT on the wire: the outbox job runner, kicked after each write's response, commits its own
    // transactions on the same pool (after the scenario above, some of those were still running and took the reset).
    const nonce = newNonce()
    const commitLost = pgProxy.resetWhenSent(/\bcommit\b/i, { after: nonce })
    const outcome = await postNonce(server, { timeoutMs: 20_000, nonce })
    await Promise.race([commitLost, sleep(5000).then(() => Promise.reject(new Error('the comment transaction never sent COMMIT')))])
    console.log(`commit lost: the POST answered ${outcome.status}`)
    // the COMMIT never reached PostgreSQL: the comment is not stored, and the reader is not told it is
    const { byNonce } = await readDatabase()
    expect(byNonce.has(nonce)).toBe(false)
    expect(outcome.status).toBe(503)
    expect(outcome.retryAfter).toBe('5')
    await waitUntil(postSucceeds, 15_000, 'a 2xx comment POST after the lost commit')
    // the rolled-back comment left the article's count right
    expect((await lossReport([])).wrongCounts).toEqual([])
  })

  it('job updates that fail give their connections back: the pool never runs dry, no restart needed', async () => {
    // Every log line of a job fails (as the outbox runner's did after the immediate stop: jobs already deleted).
    // Payload's own updateJobs left each failed update's transaction open, holding a pool connection for ever;
    // after ten the server answered nothing until restarted (see rollBackFailedJobUpdates in src/host/database.ts).
    await postgres.query(`create function faults_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by the fault suite'; end $$;
      create trigger faults_refuse before insert on payload_jobs_log for each row execute function faults_refuse()`)
    const outcomes: Outcome[] = []
    try {
      // more comments (each queues an outbox job, run after its response) than the pool has connections (10)
      for (let i = 0; i < 15; i++) {
        outcomes.push(await postNonce(server, { timeoutMs: 15_000 }))
        await sleep(150)
      }
      await waitUntil(
        async () => (await postgres.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where state like 'idle in transaction%'`))[0].n === 0,
        5000,
        'no connection left idle in a transaction',
      )
      const failedLogLines = await postgres.query<{ n: number }>(`select count(*)::int as n from payload_jobs where has_error or processing`)
      console.log(`failing job updates: comments ${JSON.stringify(countBy(outcomes.map((o) => o.status)))}, ${failedLogLines[0].n} jobs not completed`)
    } finally {
      await postgres.query('drop trigger faults_refuse on payload_jobs_log; drop function faults_refuse()')
    }
    expect(outcomes.map((o) => o.status)).toEqual(Array(15).fill(201))
    await waitUntil(postSucceeds, 15_000, 'a 2xx comment POST after the job updates failed')
    expect((await health()).status).toBe(200)
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
      // /healthz answers within its 3 s bound: 200 when its one query came back in time (2 s on an idle pooled
      // connection), 503 when it took more round trips (a new connection); which one depends on the pool's state
      const healthStarted = Date.now()
      const slowHealth = await health()
      expect([200, 503]).toContain(slowHealth.status)
      expect(Date.now() - healthStarted).toBeLessThan(6000)
      // a database slower than the bound is always reported
      pgProxy.setLatency(4000)
      const slowerStarted = Date.now()
      const slowerHealth = await health()
      expect(slowerHealth.status).toBe(503)
      expect(slowerHealth.body.db).toBe('no answer within 3000 ms')
      expect(Date.now() - slowerStarted).toBeLessThan(6000)
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
  /*
   * With synchronous_commit=off a COMMIT is acknowledged before its WAL is written; the WAL writer writes it within
   * wal_writer_delay, and an immediate stop (the processes die, the machine does not) loses only what was still in
   * PostgreSQL's WAL buffers, not what was written to the kernel. A comment's transaction makes several kB of WAL,
   * so the WAL writer, woken at every full page, leaves at most the last partial page behind: the loss was 0 or 1
   * comment, by chance (the run after this round's merges reported none). To make it certain, the WAL writer is
   * frozen (SIGSTOP) while the comments are posted, with checkpoints and the background writer out of the way:
   * nothing writes the acknowledged commits' WAL, and the immediate stop (with the frozen WAL writer killed) loses
   * them. Were synchronous_commit not off in the server's sessions, each COMMIT would write and flush its own WAL
   * and nothing would be lost (tried: the same run with synchronous_commit=on lost 0 of 58 acknowledged comments,
   * with it off 56 of 56): the loss also shows that the setting reached the connections that write.
   */
  it('with synchronous_commit=off an immediate stop loses acknowledged comments, and the check reports them', async () => {
    postgres.reload({ synchronous_commit: 'off', checkpoint_timeout: "'1h'", max_wal_size: "'4GB'", bgwriter_lru_maxpages: '0', autovacuum: 'off' })
    await sleep(1000)
    expect(await postgres.query('show synchronous_commit')).toEqual([{ synchronous_commit: 'off' }])
    // everything before this point on disk, and no checkpoint due for an hour
    await postgres.query('checkpoint')
    const walWriter = await postgres.backgroundPid('walwriter')
    process.kill(walWriter, 'SIGSTOP')
    let outcomes: Outcome[] = []
    try {
      const posters = [steadyPoster(server, 100), steadyPoster(server, 100)]
      await sleep(3000)
      outcomes = (await Promise.all(posters.map((p) => p.stop()))).flat()
    } finally {
      const stopped = postgres.stopImmediatelyInBackground()
      await sleep(200)
      // dies frozen: it never writes the WAL buffers
      process.kill(walWriter, 'SIGKILL')
      await stopped
    }
    postgres.start()
    const report = await lossReport(outcomes)
    console.log(`control (synchronous_commit=off, WAL writer frozen): ${report.acked} acknowledged, ${report.missing.length} missing after an immediate stop`)
    expect(report.acked).toBeGreaterThan(10)
    expect(report.missing.length).toBeGreaterThan(0)
    // nearly all of them: only a full WAL buffer (4 MB here) makes a backend write WAL itself
    expect(report.missing.length).toBeGreaterThan(report.acked / 2)
  })
})

function countBy(values: unknown[]) {
  const counts: Record<string, number> = {}
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1
  return counts
}
