/**
 * `npm run bench:load`: the reader mix under load, on SQLite and on PostgreSQL.
 *
 * 1. Capacity C (closed loop): autocannon, LOAD_CONNECTIONS connections as fast as answers come, cycling
 *    comment POST → thread read → article read, for LOAD_CAPACITY_S seconds; C = mean requests/s.
 * 2. Open loop at 0.5·C for LOAD_DURATION_S seconds (default 120): reads (thread and article, alternating) at
 *    0.4·C and comment POSTs at 0.1·C (80% / 20%), two autocannon runs side by side with `overallRate`, so
 *    each kind keeps its own latency histogram.
 *
 * Reported per database: requests/s, p50/p99/p99.9 of reads and of POSTs, errors (non-2xx, 5xx, timeouts,
 * SQLITE_BUSY in a body), and throughput drift from the first to the last 20 s (or a third of a short run).
 * Goals from issue 16: 0 5xx, 0 SQLITE_BUSY, read p99 ≤ max(5×p50, 50 ms), POST p99 ≤ 250 ms, drift ≤ 10%.
 * Table on stdout, JSON in bench/results/load.json. LOAD_DATABASES=sqlite,postgres picks the databases;
 * PostgreSQL gets a throwaway database on TEST_POSTGRES_URI (default the local server), dropped afterwards.
 * The server runs in its own process (test/faults/server.ts: the host of `npm start` with Payload's REST handler).
 */
import crypto from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import pg from 'pg'

import { startServer, type RunningServer } from '../test/faults/harness'

const CAPACITY_S = Number(process.env.LOAD_CAPACITY_S || 15)
const DURATION_S = Number(process.env.LOAD_DURATION_S || 120)
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS || 10)
const DATABASES = (process.env.LOAD_DATABASES || 'sqlite,postgres').split(',').map((s) => s.trim())
const PG_SERVER = process.env.TEST_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/postgres'

type Counters = { responses: number; non2xx: number; status5xx: number; sqliteBusy: number }

const newCounters = (): Counters => ({ responses: 0, non2xx: 0, status5xx: 0, sqliteBusy: 0 })

let ipSeq = 0
const commentRequest = (articleId: string, counters: Counters) => ({
  method: 'POST',
  path: '/api/comments',
  setupRequest: (request: Record<string, any>) => {
    ipSeq++
    return {
      ...request,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`, 'user-agent': 'bench-load' },
      body: JSON.stringify({ article: Number(articleId), authorName: 'Load reader', body: `Load comment ${crypto.randomBytes(6).toString('hex')}` }),
    }
  },
  onResponse: (status: number, body: string) => count(counters, status, body),
})

const readRequest = (pathname: string, counters: Counters) => ({
  method: 'GET',
  path: pathname,
  onResponse: (status: number, body: string) => count(counters, status, body),
})

const count = (counters: Counters, status: number, body: string) => {
  counters.responses++
  if (status < 200 || status >= 300) counters.non2xx++
  if (status >= 500) counters.status5xx++
  if (body && body.includes('SQLITE_BUSY')) counters.sqliteBusy++
}

/** One autocannon run; resolves with its result and the requests answered in each second. */
const run = (options: Record<string, unknown>): Promise<{ result: any; perSecond: number[] }> =>
  new Promise((resolve, reject) => {
    const perSecond: number[] = []
    const instance = autocannon({ timeout: 10, ...options }, (error, result) => (error ? reject(error) : resolve({ result, perSecond }))) as {
      on: (event: 'tick', listener: (tick: { counter: number }) => void) => void
    }
    instance.on('tick', (tick) => perSecond.push(tick.counter))
  })

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0)

const benchDatabase = async (kind: string) => {
  let databaseUri: string
  let cleanup: () => Promise<void>
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-load-'))
    databaseUri = `file:${path.join(dir, 'load.db')}`
    cleanup = async () => rmSync(dir, { recursive: true, force: true })
  } else {
    const name = `newsroom_load_${crypto.randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: PG_SERVER })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    await admin.end()
    const uri = new URL(PG_SERVER)
    uri.pathname = `/${name}`
    databaseUri = uri.toString()
    cleanup = async () => {
      const client = new pg.Client({ connectionString: PG_SERVER })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await client.end()
    }
  }
  let server: RunningServer | undefined
  try {
    server = await startServer({ DATABASE_URI: databaseUri, FAULTS_FLOOD_LIMIT: '1000000000', LOG_LEVEL: 'fatal' })
    const url = server.url('')
    const thread = `/api/articles/${server.articleId}/comments`
    const article = `/api/articles/${server.articleId}`

    // warm-up, then capacity
    const warm = newCounters()
    await run({ url, connections: CONNECTIONS, duration: 3, requests: [commentRequest(server.articleId, warm), readRequest(thread, warm), readRequest(article, warm)] })
    const capacityCounters = newCounters()
    const capacity = await run({
      url,
      connections: CONNECTIONS,
      duration: CAPACITY_S,
      requests: [commentRequest(server.articleId, capacityCounters), readRequest(thread, capacityCounters), readRequest(article, capacityCounters)],
    })
    const C = capacity.result.requests.average as number

    // open loop at 0.5·C: 80% reads, 20% POSTs
    const reads = newCounters()
    const posts = newCounters()
    const [readRun, postRun] = await Promise.all([
      run({ url, connections: CONNECTIONS * 2, duration: DURATION_S, overallRate: Math.max(1, Math.round(0.4 * C)), requests: [readRequest(thread, reads), readRequest(article, reads)] }),
      run({ url, connections: CONNECTIONS, duration: DURATION_S, overallRate: Math.max(1, Math.round(0.1 * C)), requests: [commentRequest(server.articleId, posts)] }),
    ])
    const perSecond = readRun.perSecond.map((n, i) => n + (postRun.perSecond[i] ?? 0))
    const window = Math.max(1, Math.min(20, Math.floor(perSecond.length / 3)))
    const first = mean(perSecond.slice(0, window))
    const last = mean(perSecond.slice(-window))
    const latency = (result: any) => ({ p50: result.latency.p50, p99: result.latency.p99, p999: result.latency.p99_9 })
    const errors = (result: any, counters: Counters) => ({
      answered: counters.responses,
    non2xx: counters.non2xx,
      status5xx: counters.status5xx,
      sqliteBusy: counters.sqliteBusy,
      timeouts: result.timeouts,
      socketErrors: result.errors,
    })
    return {
      database: kind,
      capacity: { requestsPerSecond: C, p50: capacity.result.latency.p50, p99: capacity.result.latency.p99, errors: errors(capacity.result, capacityCounters) },
      openLoop: {
        targetPerSecond: Math.round(0.5 * C),
        durationS: DURATION_S,
        requestsPerSecond: (readRun.result.requests.average as number) + (postRun.result.requests.average as number),
        reads: { requestsPerSecond: readRun.result.requests.average, ...latency(readRun.result), errors: errors(readRun.result, reads) },
        posts: { requestsPerSecond: postRun.result.requests.average, ...latency(postRun.result), errors: errors(postRun.result, posts) },
        drift: { windowS: window, firstPerSecond: first, lastPerSecond: last, percent: first ? ((last - first) / first) * 100 : 0 },
      },
    }
  } finally {
    await server?.kill('SIGTERM')
    await cleanup()
  }
}

const figures = []
for (const kind of DATABASES) {
  console.log(`bench:load on ${kind}: capacity ${CAPACITY_S} s, open loop ${DURATION_S} s…`)
  figures.push(await benchDatabase(kind))
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '—')
console.log('\n| database | C (req/s) | open loop req/s (target) | read p50 / p99 / p99.9 ms | POST p50 / p99 / p99.9 ms | non-2xx | 5xx | SQLITE_BUSY | timeouts | drift |')
console.log('|---|---|---|---|---|---|---|---|---|---|')
for (const f of figures) {
  const o = f.openLoop
  const sum = (key: 'non2xx' | 'status5xx' | 'sqliteBusy' | 'timeouts') => o.reads.errors[key] + o.posts.errors[key]
  console.log(
    `| ${f.database} | ${fmt(f.capacity.requestsPerSecond)} | ${fmt(o.requestsPerSecond)} (${o.targetPerSecond}) | ${o.reads.p50} / ${o.reads.p99} / ${o.reads.p999} | ${o.posts.p50} / ${o.posts.p99} / ${o.posts.p999} | ${sum('non2xx')} | ${sum('status5xx')} | ${sum('sqliteBusy')} | ${sum('timeouts')} | ${o.drift.percent.toFixed(1)}% (first/last ${o.drift.windowS} s) |`,
  )
}
mkdirSync('bench/results', { recursive: true })
writeFileSync(
  'bench/results/load.json',
  JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), settings: { CAPACITY_S, DURATION_S, CONNECTIONS }, figures }, null, 2),
)
console.log('\nbench/results/load.json written')
process.exit(0)
