/**
 * `npm run bench:site`: the reader site on the production build (`npm run build` first), SQLite, one machine.
 *
 * - the article page of a story with a 500-comment thread (100,000 comments in the database), served from the
 *   site's tag cache vs uncached (a second server with SITE_CACHE=off, every request reads the CMS) vs a static
 *   file from the same server: requests/s, p50 and p99;
 * - publish → visible: the time from an editor's save (its response, i.e. after commit) to the first reader
 *   request of the article page that shows the change (outbox run every second and kicked after each write);
 * - the thread endpoint next to a plain REST find of the same 20 comments;
 * - a conditional GET of the thread (If-None-Match with its current ETag → 304) next to `/healthz`;
 * - with BENCH_REDIS_URL set, the cached article page again on a server whose Next cache lives in Redis
 *   (REDIS_URL: src/site/nextCacheHandler.mjs), as every instance of a multi-instance deployment serves it.
 *
 * Table on stdout, figures in bench/results/site.json. BENCH_DURATION (seconds per run, default 10),
 * BENCH_CONNECTIONS (default 10), BENCH_COMMENTS (default 100000).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import { Redis } from 'ioredis'
import { getPayload } from 'payload'

import { createNewsroomConfig } from '../src/config'
import { closeDatabase } from '../src/host/database'
import { analyze, insertComments, type SeedRow } from './lib/api-seed'
import { productionRun, requireBuild, root } from './lib/production-server'

const DURATION = Number(process.env.BENCH_DURATION || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const TOTAL_COMMENTS = Number(process.env.BENCH_COMMENTS || 100_000)
const THREAD = 500
const PUBLISH_ROUNDS = 10

requireBuild('bench:site')
const { dir, databaseUri, secret, startServer, stopServer } = productionRun('site')

const api = async (base: string, method: string, route: string, body?: unknown, token?: string) => {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json().catch(() => ({}))) as any
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${JSON.stringify(json)}`)
  return json
}

type Result = { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; '3xx': number }
const load = (url: string, headers?: Record<string, string>) =>
  new Promise<Result>((resolve, reject) =>
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers }, (error, result) => (error ? reject(error) : resolve(result as Result))),
  )
const row = (name: string, result: Result) => ({
  name,
  requestsPerSecond: Math.round(result.requests.average),
  p50ms: result.latency.p50,
  p99ms: result.latency.p99,
  non2xx: result.non2xx,
  notModified: result['3xx'],
  errors: result.errors,
})

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

const main = async () => {
  console.error(`bench:site: ${TOTAL_COMMENTS.toLocaleString('en')} comments, article thread of ${THREAD}, ${DURATION} s per run, ${CONNECTIONS} connections`)
  let server = await startServer({})
  const admin = { email: 'bench@newsroom.local', password: 'bench password 123' }
  await api(server.base, 'POST', '/api/users/first-register', admin)
  const { token } = await api(server.base, 'POST', '/api/users/login', admin)
  const section = (await api(server.base, 'POST', '/api/sections', { name: '要闻' }, token)).doc
  await api(server.base, 'POST', '/api/globals/site-settings', { siteName: '环球新闻', slogan: '最好看的新闻,最实用的信息', navigation: [section.id] }, token)
  const others: (number | string)[] = []
  for (let i = 0; i < 20; i++) others.push((await api(server.base, 'POST', '/api/articles', { title: `背景新闻 ${i + 1}`, origin: 'original', section: section.id, excerpt: '一段摘要。', _status: 'published' }, token)).doc.id)
  const article = (await api(server.base, 'POST', '/api/articles', { title: '评论很多的一篇文章', origin: 'original', section: section.id, excerpt: '五百条评论。', _status: 'published' }, token)).doc

  // Comments straight into the table (the server's triggers keep the counts); the server stays up meanwhile.
  const payload = await getPayload({ config: createNewsroomConfig({ databaseUri, secret, push: false }), key: 'bench-site' } as never)
  const now = Date.now()
  const rows: SeedRow[] = []
  for (let i = 0; i < TOTAL_COMMENTS; i++) {
    const onArticle = i < THREAD
    rows.push({
      article: onArticle ? article.id : others[i % others.length],
      status: onArticle || i % 4 !== 0 ? 'approved' : 'pending',
      body: `第 ${i + 1} 条评论：写得不错，谢谢分享。`,
      authorName: `读者${i + 1}`,
      ipHash: crypto.createHash('sha256').update(String(i % 5000)).digest('hex'),
      createdAt: new Date(now - (TOTAL_COMMENTS - i) * 1000).toISOString(),
    })
  }
  await insertComments(payload, rows, { progress: true })
  await analyze(payload)
  await closeDatabase(payload)
  // No page of this article was read before the bulk insert, so nothing cached is stale.

  const page = `/articles/${article.slug}`
  const html = await (await fetch(`${server.base}${page}`)).text()
  if (!html.includes('最新评论(500)')) throw new Error('the article page does not show the 500-comment thread')
  console.error(`article page: ${Buffer.byteLength(html)} bytes of HTML`)
  const staticFile = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1]
  if (!staticFile) throw new Error('no static file found in the page')

  const results = []
  results.push(row('article page, cached (tag cache)', await load(`${server.base}${page}`)))
  results.push(row(`static file (${path.basename(staticFile)})`, await load(`${server.base}${staticFile}`)))
  results.push(row('thread endpoint, 20 top-level of 500', await load(`${server.base}/api/articles/${article.id}/comments?limit=20`)))
  results.push(
    row(
      'REST find of the same 20 comments',
      await load(`${server.base}/api/comments?where[article][equals]=${article.id}&where[parent][exists]=false&sort=-createdAt&limit=20&depth=0`),
    ),
  )

  // 304 vs /healthz: the thread asked with its current ETag (what a CDN or the site's fetch revalidation sends).
  const threadUrl = `${server.base}/api/articles/${article.id}/comments?limit=20`
  const etag = (await fetch(threadUrl)).headers.get('etag')
  if (!etag) throw new Error('the thread endpoint sent no ETag')
  const check = await fetch(threadUrl, { headers: { 'If-None-Match': etag } })
  if (check.status !== 304) throw new Error(`a conditional GET of the thread answered ${check.status}, not 304`)
  const conditional = row('thread endpoint, If-None-Match → 304', await load(threadUrl, { 'If-None-Match': etag }))
  const healthz = row('/healthz', await load(`${server.base}/healthz`))
  results.push(conditional, healthz)

  // Publish → visible: edit the title, then read the page as a reader until it shows.
  const latencies: number[] = []
  for (let round = 1; round <= PUBLISH_ROUNDS; round++) {
    const title = `评论很多的一篇文章（第 ${round} 次更新）`
    await api(server.base, 'PATCH', `/api/articles/${article.id}`, { title }, token)
    const committed = performance.now()
    for (;;) {
      const text = await (await fetch(`${server.base}${page}`)).text()
      if (text.includes(title)) break
      if (performance.now() - committed > 30_000) throw new Error('the change did not become visible within 30 s')
    }
    latencies.push(performance.now() - committed)
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  await stopServer(server.child)

  server = await startServer({ SITE_CACHE: 'off' })
  results.splice(1, 0, row('article page, uncached (SITE_CACHE=off)', await load(`${server.base}${page}`)))
  await stopServer(server.child)

  const redisUrl = process.env.BENCH_REDIS_URL
  if (redisUrl) {
    const prefix = `bench-site-${crypto.randomBytes(4).toString('hex')}`
    server = await startServer({ REDIS_URL: redisUrl, REDIS_PREFIX: prefix })
    const first = await (await fetch(`${server.base}${page}`)).text()
    if (!first.includes('最新评论(500)')) throw new Error('the Redis-cached article page does not show the thread')
    results.splice(1, 0, row('article page, cached in Redis (REDIS_URL)', await load(`${server.base}${page}`)))
    await stopServer(server.child)
    const redis = new Redis(redisUrl)
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length) await redis.del(...keys)
    redis.disconnect()
  }

  const cached = results[0].requestsPerSecond
  const staticRps = results.find((r) => r.name.startsWith('static file'))!.requestsPerSecond
  const publish = { rounds: PUBLISH_ROUNDS, p50ms: Math.round(percentile(latencies, 50)), maxms: Math.round(Math.max(...latencies)), samplesMs: latencies.map(Math.round) }
  console.log(`\n| run | req/s | p50 ms | p99 ms | non-2xx (304s) |\n|---|---:|---:|---:|---:|`)
  for (const r of results) console.log(`| ${r.name} | ${r.requestsPerSecond} | ${r.p50ms} | ${r.p99ms} | ${r.non2xx} (${r.notModified}) |`)
  console.log(`\ncached page / static file: ${(cached / staticRps).toFixed(2)}× (goal ≥ 0.5×)`)
  console.log(`publish → visible (${PUBLISH_ROUNDS} edits): p50 ${publish.p50ms} ms, max ${publish.maxms} ms (goal ≤ 1000 ms)`)
  const notModifiedOverHealthz = Number((healthz.requestsPerSecond / conditional.requestsPerSecond).toFixed(2))
  console.log(`thread 304 vs /healthz: ${conditional.requestsPerSecond} vs ${healthz.requestsPerSecond} req/s, /healthz ÷ 304 = ${notModifiedOverHealthz}× (goal ≤ 2×); p50 ${conditional.p50ms} vs ${healthz.p50ms} ms`)
  const redisRow = results.find((r) => r.name.includes('Redis'))
  if (redisRow) console.log(`cached page in Redis / static file: ${(redisRow.requestsPerSecond / staticRps).toFixed(2)}×`)
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true })
  fs.writeFileSync(
    path.join(root, 'bench/results/site.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, node: process.version },
        settings: { durationSeconds: DURATION, connections: CONNECTIONS, comments: TOTAL_COMMENTS, thread: THREAD, database: 'sqlite' },
        runs: results,
        cachedOverStatic: Number((cached / staticRps).toFixed(2)),
        publishToVisible: publish,
        healthzOverNotModified: notModifiedOverHealthz,
        ...(redisRow ? { redisCachedOverStatic: Number((redisRow.requestsPerSecond / staticRps).toFixed(2)) } : {}),
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
