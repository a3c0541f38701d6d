/**
 * `npm run bench:webhooks`: how fast deliveries go out, and what webhooks add to a publish.
 *
 * 1. Deliveries per second: N `webhook.test` deliveries queued, then the webhooks queue run (as the 2-second cron
 *    does, BENCH_BATCH jobs a run) until a loopback receiver has all of them.
 * 2. Publish latency with 0 vs 10 endpoints subscribed to `article.published`: an editor's REST create of a published
 *    article. The publish only records its content event in the outbox (one job row, in its transaction); the
 *    fan-out to the endpoints (one delivery row and job each) happens after the commit, in the outbox job, kicked
 *    after each response as the Express host does (src/host/app.ts), with the job crons running as on a server.
 *    Also: the time from the publish's answer to the endpoints' first and last delivery at the receiver, for
 *    these bursts (bounded by deliveries per second) and for BENCH_ALONE publishes made one at a time, each after the
 *    previous one's deliveries arrived (the queue idle, as most publishes find it).
 *
 * Env: BENCH_DELIVERIES (default 300), BENCH_BATCH (jobs a run, default 20), BENCH_CHANGES (publishes per setting,
 * default 150), DATABASE_URI (default: SQLite temp file).
 * Prints a table and writes bench/results/webhooks.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { kickOutbox } from '../src/outbox'
import { WEBHOOKS_QUEUE } from '../src/webhooks/slugs'
import { startTestApp } from '../test/helpers/app'
import { startReceiver } from '../test/webhooks/receiver'

const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 300)
const CHANGES = Number(process.env.BENCH_CHANGES || 150)
const BATCH = Number(process.env.BENCH_BATCH || 20)
const ALONE = Number(process.env.BENCH_ALONE || 10)
const ENDPOINTS = 10
process.env.WEBHOOKS_ALLOW_PRIVATE = 'true'

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!

const main = async () => {
  // runJobs: the publishes' deliveries go out on the app's own schedule, as in production
  const app = await startTestApp({ label: 'bench_webhooks', contract: false, runJobs: true })
  const receiver = await startReceiver()
  const { token } = await app.userToken('admin@bench.test', ['admin'])
  const editor = (await app.userToken('editor@bench.test', ['editor'])).token
  try {
    // 1. Deliveries per second.
    const endpoint = await app.rest('POST', '/api/webhook-endpoints', { token, body: { url: receiver.url, events: ['tag.changed'] } })
    for (let i = 0; i < DELIVERIES; i++) await app.rest('POST', `/api/webhook-endpoints/${endpoint.body.doc.id}/test`, { token })
    const started = performance.now()
    // Batches of BENCH_BATCH (default 20, as the app's cron runs them) until every delivery arrived; a failed
    // attempt waits for its retry (about 5 s), which counts in the time.
    const deadline = Date.now() + 120_000
    while (receiver.received.length < DELIVERIES) {
      const result = await app.payload.jobs.run({ queue: WEBHOOKS_QUEUE, limit: BATCH })
      if ((result as { noJobsRemaining?: boolean }).noJobsRemaining) await new Promise((done) => setTimeout(done, 250))
      if (Date.now() > deadline) throw new Error(`${receiver.received.length}/${DELIVERIES} arrived in 120 s`)
    }
    const seconds = (performance.now() - started) / 1000
    const perSecond = DELIVERIES / seconds
    await app.rest('DELETE', `/api/webhook-endpoints/${endpoint.body.doc.id}`, { token })

    // 2. A publish's latency with 0, then 10 subscribed endpoints (alternating rounds, to share the machine's noise).
    const section = await app.rest('POST', '/api/sections', { token: editor, body: { name: '基准' } })
    if (section.status !== 201) throw new Error(`section: ${section.status} ${JSON.stringify(section.body)}`)
    const answeredAt = new Map<string, number>()
    const publish = async (count: number, tracked: boolean, answers = answeredAt) => {
      const times: number[] = []
      for (let i = 0; i < count; i++) {
        const t = performance.now()
        const created = await app.rest('POST', '/api/articles', {
          token: editor,
          body: { title: `Bench ${tracked ? 'ten' : 'zero'} ${i} ${Math.random().toString(36).slice(2, 8)}`, origin: 'original', section: section.body.doc.id, _status: 'published' },
        })
        times.push(performance.now() - t)
        if (created.status !== 201) throw new Error(`publish failed: ${created.status} ${JSON.stringify(created.body).slice(0, 300)}`)
        if (tracked) answers.set(String(created.body.doc.id), Date.now())
        // as the host does after a write's response (after the commit)
        void kickOutbox(app.payload)
      }
      return times
    }
    const zero: number[] = []
    const ten: number[] = []
    const endpointIds: Array<number | string> = []
    receiver.received.length = 0
    await publish(20, false) // warm-up
    for (let round = 0; round < 3; round++) {
      zero.push(...(await publish(Math.ceil(CHANGES / 3), false)))
      for (let i = 0; i < ENDPOINTS; i++) {
        const created = await app.rest('POST', '/api/webhook-endpoints', { token, body: { url: `${receiver.url}?n=${i}`, events: ['article.published'] } })
        endpointIds.push(created.body.doc.id)
      }
      ten.push(...(await publish(Math.ceil(CHANGES / 3), true)))
      // every publish of the round reaches every endpoint before they are removed
      const expected = answeredAt.size * ENDPOINTS
      const until = Date.now() + 180_000
      const published = () => receiver.received.filter((hook) => JSON.parse(hook.body).type === 'article.published').length
      while (published() < expected) {
        if (Date.now() > until) throw new Error(`${published()}/${expected} article.published deliveries arrived in 180 s`)
        await new Promise((done) => setTimeout(done, 100))
      }
      if (round < 2) for (const id of endpointIds.splice(0)) await app.rest('DELETE', `/api/webhook-endpoints/${id}`, { token })
    }
    // 3. One publish at a time (the 10 endpoints of the last round still subscribed).
    const aloneAt = new Map<string, number>()
    const arrived = (id: string) => receiver.received.filter((hook) => String(JSON.parse(hook.body).data?.id) === id).length
    for (let i = 0; i < ALONE; i++) {
      const before = new Set(aloneAt.keys())
      await publish(1, true, aloneAt)
      const id = [...aloneAt.keys()].find((key) => !before.has(key))!
      const until = Date.now() + 60_000
      while (arrived(id) < ENDPOINTS) {
        if (Date.now() > until) throw new Error(`a lone publish reached ${arrived(id)}/${ENDPOINTS} endpoints in 60 s`)
        await new Promise((done) => setTimeout(done, 20))
      }
      await new Promise((done) => setTimeout(done, 300))
    }
    for (const id of endpointIds.splice(0)) await app.rest('DELETE', `/api/webhook-endpoints/${id}`, { token })

    const arrivals = new Map<string, number[]>()
    for (const hook of receiver.received) {
      const event = JSON.parse(hook.body)
      if (event.type !== 'article.published') continue
      const list = arrivals.get(String(event.data.id)) ?? []
      list.push(hook.at)
      arrivals.set(String(event.data.id), list)
    }
    const deliveryTimes = (answers: Map<string, number>) => {
      const first: number[] = []
      const last: number[] = []
      for (const [id, at] of answers) {
        const list = arrivals.get(id) ?? []
        first.push(Math.min(...list) - at)
        last.push(Math.max(...list) - at)
      }
      return { first, last }
    }
    const { first: firstDelivery, last: lastDelivery } = deliveryTimes(answeredAt)
    const { first: firstAlone, last: lastAlone } = deliveryTimes(aloneAt)

    const rows = [
      ['measure', 'value'],
      [`deliveries/s (${DELIVERIES} to a loopback receiver, ${BATCH} jobs a run)`, perSecond.toFixed(1)],
      ['publish latency, 0 endpoints (median / p95 ms)', `${median(zero).toFixed(2)} / ${percentile(zero, 0.95).toFixed(2)}`],
      ['publish latency, 10 endpoints (median / p95 ms)', `${median(ten).toFixed(2)} / ${percentile(ten, 0.95).toFixed(2)}`],
      ['ratio 10 / 0 endpoints (median)', (median(ten) / median(zero)).toFixed(2)],
      [`burst of ${Math.ceil(CHANGES / 3)}: answer → first of 10 deliveries (median / p95 ms)`, `${median(firstDelivery).toFixed(0)} / ${percentile(firstDelivery, 0.95).toFixed(0)}`],
      [`burst of ${Math.ceil(CHANGES / 3)}: answer → last of 10 deliveries (median / p95 ms)`, `${median(lastDelivery).toFixed(0)} / ${percentile(lastDelivery, 0.95).toFixed(0)}`],
      [`one at a time (${ALONE}): answer → first of 10 (median / max ms)`, `${median(firstAlone).toFixed(0)} / ${Math.max(...firstAlone).toFixed(0)}`],
      [`one at a time (${ALONE}): answer → last of 10 (median / max ms)`, `${median(lastAlone).toFixed(0)} / ${Math.max(...lastAlone).toFixed(0)}`],
    ]
    const width = Math.max(...rows.map((row) => row[0]!.length))
    console.log()
    for (const row of rows) console.log(`  ${row[0]!.padEnd(width)}  │  ${row[1]}`)
    console.log()
    console.log(`  database: ${app.database.kind}; publish = an editor's REST create of a published article; fan-out after commit through the outbox`)

    const out = resolve(dirname(fileURLToPath(import.meta.url)), 'results/webhooks.json')
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(
      out,
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          database: app.database.kind,
          node: process.version,
          deliveries: { count: DELIVERIES, batch: BATCH, seconds, perSecond, received: receiver.received.length },
          publishLatencyMs: { publishes: zero.length, zeroEndpoints: { median: median(zero), p95: percentile(zero, 0.95) }, tenEndpoints: { median: median(ten), p95: percentile(ten, 0.95) } },
          deliveryAfterAnswerMs: {
            burst: { publishes: Math.ceil(CHANGES / 3), first: { median: median(firstDelivery), p95: percentile(firstDelivery, 0.95) }, last: { median: median(lastDelivery), p95: percentile(lastDelivery, 0.95) } },
            oneAtATime: { publishes: ALONE, first: { median: median(firstAlone), max: Math.max(...firstAlone) }, last: { median: median(lastAlone), max: Math.max(...lastAlone) } },
          },
          note: 'publish = REST create of a published article; it records one outbox job in its transaction; the outbox job (kicked after the answer, and every second) writes the deliveries and runs the webhooks queue at once (also every 2 s), which sends them',
        },
        null,
        2,
      )}\n`,
    )
    console.log(`  written: ${out}`)
  } finally {
    await receiver.close()
    await app.close()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
