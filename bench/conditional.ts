/**
 * `npm run bench:conditional`: the thread's conditional read (If-None-Match with its current ETag → 304) next to
 * `/healthz`, with the host's fast path (src/host/conditionalReads.ts) and without it (CONDITIONAL_FAST_PATH=off: the
 * 304 comes from the endpoint through Next and Payload), on the production build (`npm run build` first), SQLite.
 * The two servers run one after the other on the same database; each is measured against its own /healthz.
 * A smaller companion of `bench:site` (which measures the default, fast path on, among its other runs).
 *
 * BENCH_DURATION (seconds per run, default 10), BENCH_CONNECTIONS (default 10), BENCH_COMMENTS (thread, default 240).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import { productionRun, requireBuild, root } from './lib/production-server'

const DURATION = Number(process.env.BENCH_DURATION || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const COMMENTS = Number(process.env.BENCH_COMMENTS || 240)

requireBuild('bench:conditional')
const { dir, startServer, stopServer } = productionRun('conditional')

const api = async (base: string, method: string, route: string, body?: unknown, token?: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json().catch(() => ({}))) as any
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${JSON.stringify(json)}`)
  return json
}

type Result = { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; '2xx': number; '3xx': number }
const load = (url: string, headers?: Record<string, string>) =>
  new Promise<Result>((resolve, reject) =>
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers }, (error, result) => (error ? reject(error) : resolve(result as Result))),
  )
const row = (name: string, result: Result) => ({
  name,
  requestsPerSecond: Math.round(result.requests.average),
  p50ms: result.latency.p50,
  p99ms: result.latency.p99,
  ok: result['2xx'],
  notModified: result['3xx'],
})

/** The thread's 304 and /healthz on one server, the 304 checked first. */
const measure = async (base: string, threadUrl: string, label: string) => {
  const etag = (await fetch(threadUrl)).headers.get('etag')
  if (!etag) throw new Error('the thread endpoint sent no ETag')
  const check = await fetch(threadUrl, { headers: { 'If-None-Match': etag } })
  if (check.status !== 304) throw new Error(`a conditional GET of the thread answered ${check.status}, not 304`)
  const conditional = row(`thread 304, ${label}`, await load(threadUrl, { 'If-None-Match': etag }))
  const healthz = row(`/healthz, ${label}`, await load(`${base}/healthz`))
  return { conditional, healthz, etag, ratio: Number((healthz.requestsPerSecond / conditional.requestsPerSecond).toFixed(2)) }
}

const main = async () => {
  console.error(`bench:conditional: thread of ${COMMENTS} comments, ${DURATION} s per run, ${CONNECTIONS} connections`)
  let server = await startServer({})
  const admin = { email: 'bench@newsroom.local', password: 'bench password 123' }
  await api(server.base, 'POST', '/api/users/first-register', admin)
  const { token } = await api(server.base, 'POST', '/api/users/login', admin)
  const section = (await api(server.base, 'POST', '/api/sections', { name: '要闻' }, token)).doc
  const article = (await api(server.base, 'POST', '/api/articles', { title: '评论很多的一篇文章', origin: 'original', section: section.id, excerpt: '评论。', _status: 'published' }, token)).doc
  await api(server.base, 'POST', '/api/globals/moderation-settings', { mode: 'post', honeypot: false, floodLimitPerMinute: 100000, minSecondsToSubmit: 0 }, token)
  for (let i = 0; i < COMMENTS; i++) {
    await api(server.base, 'POST', '/api/comments', { article: article.id, authorName: `读者${i + 1}`, body: `第 ${i + 1} 条评论：写得不错，谢谢分享。` }, undefined, {
      'x-forwarded-for': `10.0.${Math.floor(i / 250)}.${i % 250}`,
    })
  }
  const threadPath = `/api/articles/${article.id}/comments?limit=20`

  const fast = await measure(server.base, `${server.base}${threadPath}`, 'host fast path')
  await stopServer(server.child)
  server = await startServer({ CONDITIONAL_FAST_PATH: 'off' })
  const slow = await measure(server.base, `${server.base}${threadPath}`, 'through Next (CONDITIONAL_FAST_PATH=off)')
  await stopServer(server.child)
  if (slow.etag !== fast.etag) throw new Error(`the two paths sent different tags: ${fast.etag} vs ${slow.etag}`)

  console.log(`\n| run | req/s | p50 ms | p99 ms | 2xx | 304 |\n|---|---:|---:|---:|---:|---:|`)
  for (const r of [fast.conditional, fast.healthz, slow.conditional, slow.healthz]) console.log(`| ${r.name} | ${r.requestsPerSecond} | ${r.p50ms} | ${r.p99ms} | ${r.ok} | ${r.notModified} |`)
  console.log(`\n/healthz ÷ thread 304: ${fast.ratio}× with the host fast path, ${slow.ratio}× through Next (goal ≤ 2×)`)
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true })
  fs.writeFileSync(
    path.join(root, 'bench/results/conditional.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, node: process.version },
        settings: { durationSeconds: DURATION, connections: CONNECTIONS, comments: COMMENTS, database: 'sqlite' },
        runs: [fast.conditional, fast.healthz, slow.conditional, slow.healthz],
        healthzOverNotModified: { fastPath: fast.ratio, throughNext: slow.ratio },
      },
      null,
      2,
    )}\n`,
  )
  fs.rmSync(dir, { recursive: true, force: true })
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
