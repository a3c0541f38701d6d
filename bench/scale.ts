/**
 * Scale benchmark: `npm run bench:scale` (needs `npm run build`, PostgreSQL at DATABASE_URI or the local cluster,
 * Redis at TEST_REDIS_URL or the local one; starts s3rver and a streaming replica itself, like test:scale).
 *
 * What it measures (one table, and bench/results/scale.json):
 *  1. Public reads — the article (`GET /api/articles/:id`) and its thread (`GET /api/articles/:id/comments`),
 *     half each — through one production instance, then through two (autocannon against each at once, the
 *     connections split between them): requests/s (sum) and p99 (the worse of the two). On two shared cores the
 *     point is no loss, not doubling.
 *  2. The 80/20 mix (80% of requests those public reads, 20% readers' comment POSTs) through one instance on the
 *     primary only, then through one instance with a streaming replica (DATABASE_REPLICA_URIS): p99 of each, and
 *     the share of public reads the replica served, counted as transactions of the benchmark's database on each
 *     server (pg_stat_database.xact_commit) minus the transactions the POSTs alone cost on the primary (measured
 *     in a POST-only run just before). Goal ≥ 90 %, p99 within 1.2× of primary-only.
 * BENCH_DURATION (default 10) seconds per run, BENCH_CONNECTIONS (default 10).
 */
import crypto from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import autocannon from 'autocannon'
import pg from 'pg'

import { createTestDatabase } from '../test/helpers/database'
import { startInstance, type Instance } from '../test/helpers/instance'
import { startStreamingReplica } from '../test/helpers/replica'
import { startTestBucket } from '../test/helpers/s3'

const here = dirname(fileURLToPath(import.meta.url))
const DURATION = Number(process.env.BENCH_DURATION || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
process.env.DATABASE_URI ||= 'postgres://postgres@127.0.0.1:5432/postgres'
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'

type Result = { requests: { average: number; total: number }; latency: { p99: number }; errors: number; non2xx: number }
type Request = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }
const run = (base: string, requests: Request[], connections = CONNECTIONS) =>
  new Promise<Result>((done, fail) => {
    // a fresh reader (address) per POST, so the flood limit never answers instead of the pipeline
    let turn = 0
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: DURATION,
        requests: [
          {
            setupRequest: (request: Record<string, unknown>) => {
              const next = requests[turn++ % requests.length]!
              const headers: Record<string, string> = { ...(next.headers ?? {}) }
              if (next.method === 'POST') headers['x-forwarded-for'] = `10.${crypto.randomInt(0, 255)}.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 254)}`
              return { ...request, method: next.method, path: next.path, headers, body: next.body?.replace('#', String(turn)) }
            },
          },
        ],
      },
      (error: Error | null, result: unknown) => (error ? fail(error) : done(result as Result)),
    )
    void instance
  })

const xacts = async (uri: string, database: string) => {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    const { rows } = await client.query('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1', [database])
    return Number(rows[0]?.n ?? 0)
  } finally {
    await client.end()
  }
}
// pg_stat_database is updated when a backend reports, at most every second or so
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500))

const main = async () => {
  const database = await createTestDatabase('bench_scale')
  const databaseName = new URL(database.uri).pathname.slice(1)
  const bucket = await startTestBucket('bench')
  const replica = await startStreamingReplica(process.env.DATABASE_URI!)
  const instances: Instance[] = []
  try {
    const env = {
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
      REDIS_URL,
      S3_BUCKET: bucket.settings.bucket,
      S3_ENDPOINT: bucket.settings.endpoint!,
      S3_ACCESS_KEY_ID: bucket.settings.accessKeyId!,
      S3_SECRET_ACCESS_KEY: bucket.settings.secretAccessKey!,
      LOG_LEVEL: 'fatal',
      NEWSROOM_RUN_JOBS: 'false',
    }
    const a = await startInstance(env)
    instances.push(a)
    const json = (method: string, path: string, body: unknown, token?: string) =>
      fetch(`${a.base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
        body: JSON.stringify(body),
      }).then((response) => response.json())
    const { token } = await json('POST', '/api/users/first-register', { email: 'bench@example.com', password: 'bench-password-123' })
    await json('POST', '/api/globals/moderation-settings', { mode: 'post', floodLimitPerMinute: 100_000, minSecondsToSubmit: 0 }, token)
    const article = await json('POST', '/api/articles', { title: 'Scale bench', origin: 'original', _status: 'published' }, token)
    const id = article.doc.id
    for (let i = 0; i < 40; i++) {
      await fetch(`${a.base}/api/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.0.${i + 1}` },
        body: JSON.stringify({ article: id, authorName: 'Seed', body: `Seed comment number ${i}` }),
      })
    }
    const reads: Request[] = [
      { method: 'GET', path: `/api/articles/${id}` },
      { method: 'GET', path: `/api/articles/${id}/comments` },
    ]
    const post: Request = {
      method: 'POST',
      path: '/api/comments',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ article: id, authorName: 'Bench', body: 'Bench comment #' }),
    }
    const mix: Request[] = [...reads, ...reads, post] // 4 reads : 1 POST

    const b = await startInstance(env)
    instances.push(b)
    await run(a.base, reads) // warm-up
    await run(b.base, reads)
    const one = await run(a.base, reads)
    const [twoA, twoB] = await Promise.all([run(a.base, reads, Math.ceil(CONNECTIONS / 2)), run(b.base, reads, Math.floor(CONNECTIONS / 2))])
    await b.stop()
    await a.stop()
    instances.length = 0

    // 80/20 mix: primary only, then with the replica
    const primaryOnly = await startInstance(env)
    instances.push(primaryOnly)
    await run(primaryOnly.base, mix)
    const mixPrimary = await run(primaryOnly.base, mix)
    await primaryOnly.stop()
    instances.length = 0
    await replica.catchUp()
    const withReplica = await startInstance({ ...env, DATABASE_REPLICA_URIS: replica.uriFor(database.uri) })
    instances.push(withReplica)
    await run(withReplica.base, mix)
    // what POSTs alone cost the primary, per POST
    await settle()
    const postsBefore = await xacts(process.env.DATABASE_URI!, databaseName)
    const postsOnly = await run(withReplica.base, [post])
    await settle()
    const primaryPerPost = ((await xacts(process.env.DATABASE_URI!, databaseName)) - postsBefore) / postsOnly.requests.total
    const primaryBefore = await xacts(process.env.DATABASE_URI!, databaseName)
    const replicaBefore = await xacts(replica.uriFor(process.env.DATABASE_URI!), databaseName)
    const mixReplica = await run(withReplica.base, mix)
    await settle()
    const primaryDelta = (await xacts(process.env.DATABASE_URI!, databaseName)) - primaryBefore
    const replicaDelta = (await xacts(replica.uriFor(process.env.DATABASE_URI!), databaseName)) - replicaBefore
    const postsInMix = Math.round(mixReplica.requests.total / mix.length)
    const primaryReadXacts = Math.max(0, primaryDelta - postsInMix * primaryPerPost)
    const replicaShare = replicaDelta / (replicaDelta + primaryReadXacts)

    const figures = {
      duration: DURATION,
      connections: CONNECTIONS,
      reads: {
        oneInstance: { rps: one.requests.average, p99: one.latency.p99, errors: one.non2xx + one.errors },
        twoInstances: {
          rps: twoA.requests.average + twoB.requests.average,
          p99: Math.max(twoA.latency.p99, twoB.latency.p99),
          errors: twoA.non2xx + twoA.errors + twoB.non2xx + twoB.errors,
        },
      },
      mix80_20: {
        primaryOnly: { rps: mixPrimary.requests.average, p99: mixPrimary.latency.p99, errors: mixPrimary.non2xx + mixPrimary.errors },
        withReplica: { rps: mixReplica.requests.average, p99: mixReplica.latency.p99, errors: mixReplica.non2xx + mixReplica.errors },
        p99Ratio: mixReplica.latency.p99 / mixPrimary.latency.p99,
        replicaTransactions: replicaDelta,
        primaryTransactions: primaryDelta,
        primaryTransactionsPerPost: primaryPerPost,
        replicaShareOfPublicReads: replicaShare,
      },
    }
    console.log('\nscale benchmark (%d s runs, %d connections)\n', DURATION, CONNECTIONS)
    console.log('| run | requests/s | p99 ms | errors |')
    console.log('|---|---|---|---|')
    const row = (name: string, figure: { rps: number; p99: number; errors: number }) =>
      console.log(`| ${name} | ${figure.rps.toFixed(0)} | ${figure.p99} | ${figure.errors} |`)
    row('public reads, one instance', figures.reads.oneInstance)
    row('public reads, two instances', figures.reads.twoInstances)
    row('80/20 mix, primary only', figures.mix80_20.primaryOnly)
    row('80/20 mix, with a replica', figures.mix80_20.withReplica)
    console.log(`\nreplica share of public reads: ${(replicaShare * 100).toFixed(1)} % (goal ≥ 90 %); p99 with replica / primary only: ${figures.mix80_20.p99Ratio.toFixed(2)} (goal ≤ 1.2)`)
    mkdirSync(resolve(here, 'results'), { recursive: true })
    writeFileSync(resolve(here, 'results/scale.json'), `${JSON.stringify(figures, null, 2)}\n`)
  } finally {
    for (const instance of instances) await instance.stop().catch(() => undefined)
    await replica.close()
    await bucket.close()
    await database.drop()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
