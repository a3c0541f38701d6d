/**
 * API benchmark of the comments pipeline.
 *
 *   npm run bench:api                              # fresh SQLite database
 *   DATABASE_URI=postgres://… npm run bench:api    # a throwaway database on that PostgreSQL server
 *
 * What it measures (one table, and bench/results/api.json):
 *  1. Guest comment POSTs per second through the whole pipeline (`POST /api/comments`: access, field access,
 *     every phase, insert, version, recount in the same transaction) against the same POST to a bare collection
 *     with the same fields, versions and indexes but no hooks, access rules or endpoints (`bench-bare-comments`,
 *     registered only here), as a ratio. Goal ≥ 0.85. Both answer with depth 0 (the bare POST gets `?depth=0`,
 *     which is what the submit endpoint answers with), so neither pays for populating the article.
 *  2. The approved-thread read (`GET /api/articles/:id/comments`, 20 top-level comments with replies) median and
 *     p99 with 1,000 and with 100,000 comments in the database (the thread itself is the same size both times).
 *     Goal: the 100k figures within 1.5× of the 1k ones.
 *
 * The server (Payload, HTTP, seeding) runs in its own process (bench/lib/api-child.ts); autocannon runs here.
 * The HTTP stack: the Express host of `npm start` (src/host/app.ts) with Payload's REST handler
 * (`handleEndpoints`) where Next's API route would be; Next's own routing layer is not part of the figures.
 * Figures are medians of BENCH_ROUNDS (3) runs of BENCH_DURATION (5) seconds with BENCH_CONNECTIONS (10).
 * The POSTs (both variants) go round-robin to BENCH_ARTICLES (100) published articles, as readers' comments spread
 * over a site: on one article the exact recount on every insert (count(*) over its approved comments) would grow
 * with the length of the run, and on PostgreSQL every POST would queue on that article's row lock.
 * Serves with NODE_ENV=production (the schema of the fresh database is pushed at start, before that). Flood limits
 * are raised for the run and every POST comes from its own address.
 */
import { fork } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import autocannon from 'autocannon'

const here = dirname(fileURLToPath(import.meta.url))
const DURATION = Number(process.env.BENCH_DURATION || 5)
// Each figure is the median of ROUNDS runs; the two POST variants alternate, so load from elsewhere on a shared
// machine hits both alike.
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3)
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
interface Figure {
  rps: number
  cpuMsPerRequest: number
  p50: number
  p99: number
  total: number
  runs: Array<{ rps: number; p50: number; p99: number; cpuMsPerRequest: number }>
}
const summarise = (results: Result[]): Figure => {
  const runs = results.map((r) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, cpuMsPerRequest: r.cpuPerRequest ?? 0 }))
  return {
    rps: median(runs.map((r) => r.rps)),
    cpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    total: results.reduce((sum, r) => sum + r.requests.total, 0),
    runs,
  }
}
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
// BENCH_ONLY=post: the POST comparison alone (for working on the pipeline); prints figures, writes no JSON.
const POST_ONLY = process.env.BENCH_ONLY === 'post'

let counter = 0
let articles: Array<number | string> = []
const nextBody = () => {
  counter++
  return JSON.stringify({
    article: articles[counter % articles.length],
    authorName: `Reader ${counter}`,
    authorEmail: `reader${counter}@example.com`,
    body: `Comment number ${counter}: a thoughtful remark about the story, with a few words more so it looks real. 评论 ${counter}`,
  })
}
const nextAddress = () => `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`

type Result = {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  statusCodeStats?: Record<string, { count: number }>
  errors: number
  timeouts: number
  non2xx: number
  /** server process CPU milliseconds per request (set by the bench) */
  cpuPerRequest?: number
}
const run = (options: Record<string, unknown>) =>
  new Promise<Result>((resolvePromise, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolvePromise(result as Result)))
  })

let settle: () => Promise<void> = async () => undefined
let serverCpu: () => Promise<number> = async () => 0

const postRun = async (url: string, path: string, duration: number) => {
  const cpuBefore = await serverCpu()
  const result = await run({
    url,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request: any) => ({
          ...request,
          headers: {
            ...request.headers,
            'content-type': 'application/json',
            'x-forwarded-for': nextAddress(),
            'user-agent': 'bench',
          },
          body: nextBody(),
        }),
      },
    ],
  })
  await settle()
  result.cpuPerRequest = ((await serverCpu()) - cpuBefore) / Math.max(1, result.requests.total)
  return result
}

const getRun = async (url: string, path: string, duration: number) => {
  const cpuBefore = await serverCpu()
  const result = await run({ url: `${url}${path}`, connections: CONNECTIONS, duration })
  await settle()
  result.cpuPerRequest = ((await serverCpu()) - cpuBefore) / Math.max(1, result.requests.total)
  return result
}

const checkStatus = (label: string, result: Result, expected: string) => {
  const codes = result.statusCodeStats as Record<string, { count: number }>
  const bad = Object.entries(codes ?? {}).filter(([code]) => code !== expected)
  if (bad.length || result.errors || result.non2xx) {
    throw new Error(`${label}: unexpected responses ${JSON.stringify(codes)} errors=${result.errors} timeouts=${result.timeouts}`)
  }
}

/** Starts the server process (bench/lib/api-child.ts) and returns a call function for its commands. */
const startServerProcess = async () => {
  const child = fork(resolve(here, 'lib/api-child.ts'), [], {
    // BENCH_SERVER_NODE_ARGS: extra Node flags for the server process (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])],
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL || 'error' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let nextId = 0
  const pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>()
  let ready: (value: any) => void = () => undefined
  let failed: (error: Error) => void = () => undefined
  const readyPromise = new Promise<any>((resolvePromise, reject) => {
    ready = resolvePromise
    failed = reject
  })
  child.on('message', (message: any) => {
    if (message?.type === 'ready') return ready(message)
    const waiter = pending.get(message.id)
    if (!waiter) return
    pending.delete(message.id)
    if (message.error) waiter.reject(new Error(message.error))
    else waiter.resolve(message.result)
  })
  child.on('exit', (code) => {
    const error = new Error(`bench server process exited (${code})`)
    failed(error)
    for (const waiter of pending.values()) waiter.reject(error)
  })
  const call = <T = any>(cmd: string, args: Record<string, unknown> = {}) =>
    new Promise<T>((resolvePromise, reject) => {
      const id = ++nextId
      pending.set(id, { resolve: resolvePromise, reject })
      child.send({ id, cmd, ...args })
    })
  return { info: await readyPromise, call, kill: () => child.kill() }
}

const main = async () => {
  const startedAt = Date.now()
  const server = await startServerProcess()
  settle = () => server.call('idle')
  serverCpu = () => server.call<number>('cpu')
  const { kind, where, articleIds } = server.info
  const url: string = server.info.url
  articles = articleIds
  const kv = process.env.REDIS_URL ? 'Redis KV' : 'database KV'
  console.log(`bench:api on ${kind} (${where}), ${kv}, ${CONNECTIONS} connections, ${DURATION}s per run, POSTs over ${articles.length} articles`)

  try {
    // ---- 1. POST throughput ------------------------------------------------------------------------------
    const sanity = await fetch(`${url}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
      body: nextBody(),
    })
    if (sanity.status !== 201) throw new Error(`pipeline POST answered ${sanity.status}: ${await sanity.text()}`)
    const outcome = ((await sanity.json()) as any).outcome?.status
    if (outcome !== 'approved') throw new Error(`pipeline POST was not approved (${outcome}); the bench measures the approve path`)

    // warm both paths, then measure alternately so machine noise hits both alike
    await postRun(url, '/api/comments', 2)
    await postRun(url, '/api/bench-bare-comments?depth=0', 2)
    const pipelineRuns: Result[] = []
    const bareRuns: Result[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const first = round % 2 === 0
      for (const which of first ? ['pipeline', 'bare'] : ['bare', 'pipeline']) {
        const result = await postRun(url, which === 'pipeline' ? '/api/comments' : '/api/bench-bare-comments?depth=0', DURATION)
        checkStatus(`${which} POST`, result, '201')
        ;(which === 'pipeline' ? pipelineRuns : bareRuns).push(result)
      }
    }
    const pipeline = summarise(pipelineRuns)
    const bare = summarise(bareRuns)
    const ratio = pipeline.rps / bare.rps
    // Requests per CPU-second of the server process: the same comparison, less exposed to other load on the machine.
    const cpuRatio = bare.cpuMsPerRequest / Math.max(0.001, pipeline.cpuMsPerRequest)
    const counted = await server.call<{ commentCount: number; approved: number; wrong: number }>('count')
    const countExact = counted.wrong === 0 && counted.commentCount === counted.approved
    if (POST_ONLY) {
      const ms = (value: number) => `${value.toFixed(1)} ms`
      console.log(`  pipeline ${pipeline.rps.toFixed(1)} req/s (p50 ${ms(pipeline.p50)}, CPU ${pipeline.cpuMsPerRequest.toFixed(2)} ms/req)`)
      console.log(`  bare     ${bare.rps.toFixed(1)} req/s (p50 ${ms(bare.p50)}, CPU ${bare.cpuMsPerRequest.toFixed(2)} ms/req)`)
      console.log(`  ratio ${ratio.toFixed(2)} (CPU ${cpuRatio.toFixed(2)}); commentCount ${countExact ? 'exact' : `WRONG on ${counted.wrong} articles`}`)
      console.log('  BENCH_ONLY=post: thread reads skipped, no results file written')
      return
    }

    // ---- 2. Thread read at 1k and 100k -------------------------------------------------------------------
    const { threadId, threadSize } = await server.call<{ threadId: number | string; threadSize: number }>('prepareThread')
    const thread = { id: threadId }
    const fill = (total: number, progress: boolean) => server.call('fill', { total, progress })
    const threadPath = `/api/articles/${thread.id}/comments?limit=20`
    const probe = await fetch(`${url}${threadPath}`)
    const probeBody = (await probe.json()) as any
    if (probe.status !== 200 || probeBody.docs.length !== 20 || !probeBody.docs[0].featured || !probeBody.docs[2].replies.length) {
      throw new Error(`thread read is not what the bench expects: ${probe.status} ${JSON.stringify(probeBody).slice(0, 300)}`)
    }

    const readRounds = async (label: string) => {
      await getRun(url, threadPath, 2)
      const results: Result[] = []
      for (let round = 0; round < ROUNDS; round++) {
        const result = await getRun(url, threadPath, DURATION)
        checkStatus(`thread read (${label})`, result, '200')
        results.push(result)
      }
      return summarise(results)
    }
    await fill(1_000, false)
    const read1k = await readRounds('1k')
    console.log('  seeding to 100,000 comments (direct batched inserts)')
    await fill(100_000, true)
    const read100k = await readRounds('100k')

    // ---- report ------------------------------------------------------------------------------------------
    const ms = (value: number) => `${value.toFixed(1)} ms`
    const medianRatio = read100k.p50 / read1k.p50
    const p99Ratio = read100k.p99 / read1k.p99
    const rows = [
      ['guest POST /api/comments (pipeline)', `${pipeline.rps.toFixed(1)} req/s`, `p50 ${ms(pipeline.p50)}, p99 ${ms(pipeline.p99)}, server CPU ${pipeline.cpuMsPerRequest.toFixed(2)} ms/req`],
      ['same POST, bare collection (no hooks)', `${bare.rps.toFixed(1)} req/s`, `p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)}, server CPU ${bare.cpuMsPerRequest.toFixed(2)} ms/req`],
      ['pipeline / bare', ratio.toFixed(2), `${ratio >= 0.85 ? 'goal ≥ 0.85: met' : 'goal ≥ 0.85: NOT met'} (CPU-time ratio bare/pipeline ${cpuRatio.toFixed(2)})`],
      ['commentCount after the POST runs', `${counted.commentCount} (${articles.length} articles)`, countExact ? `exact on every article (= ${counted.approved} approved rows)` : `WRONG on ${counted.wrong} articles: ${counted.approved} approved rows`],
      ['thread read, 1,000 comments in db', `p50 ${ms(read1k.p50)}`, `p99 ${ms(read1k.p99)}, ${read1k.rps.toFixed(0)} req/s`],
      ['thread read, 100,000 comments in db', `p50 ${ms(read100k.p50)}`, `p99 ${ms(read100k.p99)}, ${read100k.rps.toFixed(0)} req/s`],
      ['100k / 1k', `p50 ×${medianRatio.toFixed(2)}`, `p99 ×${p99Ratio.toFixed(2)}; goal ≤ 1.5: ${medianRatio <= 1.5 && p99Ratio <= 1.5 ? 'met' : 'NOT met'}`],
    ]
    const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]!.length)))
    console.log()
    for (const row of rows) console.log(`  ${row.map((cell, c) => cell.padEnd(widths[c]!)).join('  │  ')}`)
    console.log()
    console.log(`  medians of ${ROUNDS} runs of ${DURATION}s each (POST variants alternating), ${CONNECTIONS} connections`)
    console.log(`  thread: ${threadSize} comments on the article (60 top-level, 20 per page, replies nested)`)
    console.log(`  HTTP: Express host (src/host/app.ts) + Payload handleEndpoints in a server process, NODE_ENV=production; Next's route layer not included`)

    const results = {
      date: new Date().toISOString(),
      database: kind,
      kv,
      node: process.version,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      rounds: ROUNDS,
      stack: 'express host (src/host/app.ts) + payload handleEndpoints, NODE_ENV=production, server in its own process',
      post: {
        pipeline,
        bare,
        ratio,
        cpuRatio,
        articles: articles.length,
        commentCount: counted.commentCount,
        approvedRows: counted.approved,
        countExact,
        goal: 0.85,
        met: ratio >= 0.85,
      },
      threadRead: {
        threadSize,
        at1k: read1k,
        at100k: read100k,
        medianRatio,
        p99Ratio,
        goal: 1.5,
        met: medianRatio <= 1.5 && p99Ratio <= 1.5,
      },
      seconds: Math.round((Date.now() - startedAt) / 1000),
    }
    const out = resolve(here, 'results/api.json')
    mkdirSync(dirname(out), { recursive: true })
    const variant = `${kind === 'postgres' ? '.postgres' : ''}${process.env.REDIS_URL ? '.redis' : ''}`
    const file = out.replace(/api\.json$/, `api${variant}.json`)
    writeFileSync(file, JSON.stringify(results, null, 2) + '\n')
    // api.json always holds the latest run
    if (file !== out) writeFileSync(out, JSON.stringify(results, null, 2) + '\n')
    console.log(`  results: ${file.replace(resolve(here, '..') + '/', '')} (${results.seconds}s)`)
  } finally {
    await server.call('close').catch(() => server.kill())
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
