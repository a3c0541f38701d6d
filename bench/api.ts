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
 * The HTTP stack: the Express host of `npm start` (src/host/app.ts) with Payload's REST handler
 * (`handleEndpoints`) where Next's API route would be; Next's own routing layer is not part of the figures.
 * Figures are medians of BENCH_ROUNDS (3) runs of BENCH_DURATION (5) seconds with BENCH_CONNECTIONS (10).
 * Serves with NODE_ENV=production (the schema of the fresh database is pushed at start, before that). Flood limits are raised for the run and every POST comes from its own address.
 */
import crypto from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

process.env.LOG_LEVEL ??= 'error'

import autocannon from 'autocannon'
import { getPayload, type CollectionConfig, type Field } from 'payload'

import { Comments } from '../collections/Comments'
import { createNewsroomConfig } from '../src/config'
import { closeDatabase } from '../src/host/database'
import { createTestDatabase } from '../test/helpers/database'
import { startApiServer } from './lib/api-server'
import { analyze, insertComments, type SeedRow } from './lib/api-seed'

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
  p50: number
  p99: number
  total: number
  runs: Array<{ rps: number; p50: number; p99: number }>
}
const summarise = (results: Result[]): Figure => {
  const runs = results.map((r) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 }))
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    total: results.reduce((sum, r) => sum + r.requests.total, 0),
    runs,
  }
}
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)

/** The Comments fields without hooks or access: the "bare" baseline. */
const bareFields = (fields: Field[]): Field[] =>
  fields.map((field) => {
    const copy: any = { ...field }
    delete copy.hooks
    delete copy.access
    if (Array.isArray(copy.fields)) copy.fields = bareFields(copy.fields)
    return copy
  })

const BareComments: CollectionConfig = {
  slug: 'bench-bare-comments',
  versions: Comments.versions,
  trash: Comments.trash,
  lockDocuments: false,
  indexes: Comments.indexes,
  access: { read: () => true, create: () => true, update: () => true, delete: () => true },
  fields: bareFields(Comments.fields),
}

let counter = 0
const nextBody = (article: number | string) => {
  counter++
  return JSON.stringify({
    article,
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
}
const run = (options: Record<string, unknown>) =>
  new Promise<Result>((resolvePromise, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolvePromise(result as Result)))
  })

let settle: () => Promise<void> = async () => undefined

const postRun = async (url: string, path: string, article: number | string, duration: number) => {
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
          body: nextBody(article),
        }),
      },
    ],
  })
  await settle()
  return result
}

const getRun = async (url: string, path: string, duration: number) => {
  const result = await run({ url: `${url}${path}`, connections: CONNECTIONS, duration })
  await settle()
  return result
}

const checkStatus = (label: string, result: Result, expected: string) => {
  const codes = result.statusCodeStats as Record<string, { count: number }>
  const bad = Object.entries(codes ?? {}).filter(([code]) => code !== expected)
  if (bad.length || result.errors || result.non2xx) {
    throw new Error(`${label}: unexpected responses ${JSON.stringify(codes)} errors=${result.errors} timeouts=${result.timeouts}`)
  }
}

const main = async () => {
  const startedAt = Date.now()
  const database = await createTestDatabase('bench_api')
  const configPromise = createNewsroomConfig({
    databaseUri: database.uri,
    secret: crypto.randomBytes(24).toString('hex'),
    push: true,
    collections: [BareComments],
    // REDIS_URL: the flood counters go to Redis (as in a multi-instance deployment) instead of the database KV.
    redisUrl: process.env.REDIS_URL || undefined,
  })
  // Payload pushes the schema of a fresh database only outside production; serve in production mode afterwards.
  const payload = await getPayload({ config: configPromise })
  ;(process.env as Record<string, string>).NODE_ENV = 'production'
  const server = await startApiServer(configPromise, payload)
  settle = server.idle
  const kind = database.kind
  const kv = process.env.REDIS_URL ? 'Redis KV' : 'database KV'
  console.log(`bench:api on ${kind} (${kind === 'postgres' ? database.uri.replace(/\/\/[^@]*@/, '//') : 'fresh file'}), ${kv}, ${CONNECTIONS} connections, ${DURATION}s per run`)

  try {
    await payload.updateGlobal({ slug: 'moderation-settings', data: { floodLimitPerMinute: 1_000_000, mode: 'post' } as never, overrideAccess: true })
    const article = await payload.create({
      collection: 'articles',
      data: { title: 'Bench article', origin: 'original', _status: 'published' } as never,
      overrideAccess: true,
    })

    // ---- 1. POST throughput ------------------------------------------------------------------------------
    const sanity = await fetch(`${server.url}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
      body: nextBody(article.id),
    })
    if (sanity.status !== 201) throw new Error(`pipeline POST answered ${sanity.status}: ${await sanity.text()}`)
    const outcome = ((await sanity.json()) as any).outcome?.status
    if (outcome !== 'approved') throw new Error(`pipeline POST was not approved (${outcome}); the bench measures the approve path`)

    // warm both paths, then measure alternately so machine noise hits both alike
    await postRun(server.url, '/api/comments', article.id, 2)
    await postRun(server.url, '/api/bench-bare-comments?depth=0', article.id, 2)
    const pipelineRuns: Result[] = []
    const bareRuns: Result[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const first = round % 2 === 0
      for (const which of first ? ['pipeline', 'bare'] : ['bare', 'pipeline']) {
        const result = await postRun(server.url, which === 'pipeline' ? '/api/comments' : '/api/bench-bare-comments?depth=0', article.id, DURATION)
        checkStatus(`${which} POST`, result, '201')
        ;(which === 'pipeline' ? pipelineRuns : bareRuns).push(result)
      }
    }
    const pipeline = summarise(pipelineRuns)
    const bare = summarise(bareRuns)
    const ratio = pipeline.rps / bare.rps
    const count = (await payload.findByID({ collection: 'articles', id: article.id, depth: 0, overrideAccess: true })) as any
    const approved = await payload.count({ collection: 'comments', where: { and: [{ article: { equals: article.id } }, { status: { equals: 'approved' } }] }, overrideAccess: true })
    const countExact = count.commentCount === approved.totalDocs

    // ---- 2. Thread read at 1k and 100k -------------------------------------------------------------------
    // Start the read phase from a known size: drop the POST phase's comments (and the bare ones).
    await (payload.db as any).deleteMany({ collection: 'comments', where: {}, req: {} })
    await (payload.db as any).deleteMany({ collection: 'bench-bare-comments', where: {}, req: {} })
    const thread = await payload.create({
      collection: 'articles',
      data: { title: 'Thread article', origin: 'original', _status: 'published' } as never,
      overrideAccess: true,
    })
    const others: Array<number | string> = []
    for (let i = 0; i < 50; i++) {
      others.push(
        (await payload.create({ collection: 'articles', data: { title: `Other ${i}`, origin: 'original', _status: 'published' } as never, overrideAccess: true })).id,
      )
    }
    const day = 86_400_000
    const now = Date.now()
    const rowAt = (articleId: number | string, i: number, extra: Partial<SeedRow> = {}): SeedRow => ({
      article: articleId,
      status: i % 10 === 0 ? 'pending' : i % 37 === 0 ? 'spam' : 'approved',
      body: `Seeded comment ${i} on ${articleId}`,
      authorName: `Seed ${i % 997}`,
      ipHash: crypto.createHash('sha256').update(String(i % 5000)).digest('hex').slice(0, 32),
      createdAt: new Date(now - Math.floor(Math.random() * 60 * day)).toISOString(),
      ...extra,
    })
    // the thread: 60 top-level comments (2 featured), each with 2 replies and one reply to a reply
    const topRows = Array.from({ length: 60 }, (_, i) => rowAt(thread.id, i + 1, { status: 'approved', featured: i < 2 }))
    const topIds = await insertComments(payload, topRows)
    const replyIds = await insertComments(
      payload,
      topIds.flatMap((id, i) => [rowAt(thread.id, 1000 + i, { status: 'approved', parent: id }), rowAt(thread.id, 2000 + i, { parent: id })]),
    )
    await insertComments(payload, replyIds.filter((_, i) => i % 2 === 0).map((id, i) => rowAt(thread.id, 3000 + i, { status: 'approved', parent: id })))
    const threadSize = 60 + replyIds.length + replyIds.length / 2
    const fill = async (total: number, progress: boolean) => {
      const current = (await payload.count({ collection: 'comments', overrideAccess: true })).totalDocs
      const rows = Array.from({ length: total - current }, (_, i) => rowAt(others[i % others.length]!, current + i))
      await insertComments(payload, rows, { progress, batch: 1000 })
      await analyze(payload)
    }
    const threadPath = `/api/articles/${thread.id}/comments?limit=20`
    const probe = await fetch(`${server.url}${threadPath}`)
    const probeBody = (await probe.json()) as any
    if (probe.status !== 200 || probeBody.docs.length !== 20 || !probeBody.docs[0].featured || !probeBody.docs[2].replies.length) {
      throw new Error(`thread read is not what the bench expects: ${probe.status} ${JSON.stringify(probeBody).slice(0, 300)}`)
    }

    const readRounds = async (label: string) => {
      await getRun(server.url, threadPath, 2)
      const results: Result[] = []
      for (let round = 0; round < ROUNDS; round++) {
        const result = await getRun(server.url, threadPath, DURATION)
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
      ['guest POST /api/comments (pipeline)', `${pipeline.rps.toFixed(1)} req/s`, `p50 ${ms(pipeline.p50)}, p99 ${ms(pipeline.p99)}`],
      ['same POST, bare collection (no hooks)', `${bare.rps.toFixed(1)} req/s`, `p50 ${ms(bare.p50)}, p99 ${ms(bare.p99)}`],
      ['pipeline / bare', ratio.toFixed(2), ratio >= 0.85 ? 'goal ≥ 0.85: met' : 'goal ≥ 0.85: NOT met'],
      ['commentCount after the POST runs', String(count.commentCount), countExact ? `exact (= ${approved.totalDocs} approved rows)` : `WRONG: ${approved.totalDocs} approved rows`],
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
    console.log(`  HTTP: Express host (src/host/app.ts) + Payload handleEndpoints, NODE_ENV=${process.env.NODE_ENV}; Next's route layer not included`)

    const results = {
      date: new Date().toISOString(),
      database: kind,
      kv,
      node: process.version,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      rounds: ROUNDS,
      stack: 'express host (src/host/app.ts) + payload handleEndpoints; NODE_ENV=' + process.env.NODE_ENV,
      post: {
        pipeline,
        bare,
        ratio,
        commentCount: count.commentCount,
        approvedRows: approved.totalDocs,
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
    await server.close()
    await closeDatabase(payload)
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
