/**
 * `npm run bench:webhooks`: how fast deliveries go out, and what queueing them adds to a change.
 *
 * 1. Deliveries per second: N `webhook.test` deliveries queued, then the webhooks queue run (as the 2-second cron
 *    does, 50 jobs a batch) until a loopback receiver has all of them.
 * 2. Latency of a change with 0 vs 10 subscribed endpoints: REST creates of a bench-only collection whose afterChange
 *    calls queueWebhookDeliveries(req, event) in the change's transaction, the way the outbox hooks will. (This branch
 *    has no outbox hooks on articles yet, so the change measured is that collection's create, not an article publish.)
 *
 * Env: BENCH_DELIVERIES (default 300), BENCH_BATCH (jobs a run, default 20), BENCH_CHANGES (default 150),
 * DATABASE_URI (default: SQLite temp file).
 * Prints a table and writes bench/results/webhooks.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { CollectionConfig } from 'payload'

import { queueWebhookDeliveries } from '../src/webhooks/queue'
import { WEBHOOKS_QUEUE } from '../src/webhooks/slugs'
import { startTestApp } from '../test/helpers/app'
import { startReceiver } from '../test/webhooks/receiver'

const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 300)
const CHANGES = Number(process.env.BENCH_CHANGES || 150)
const BATCH = Number(process.env.BENCH_BATCH || 20)
process.env.WEBHOOKS_ALLOW_PRIVATE = 'true'

const Changes: CollectionConfig = {
  slug: 'bench-changes',
  access: { create: () => true, read: () => true },
  hooks: {
    afterChange: [
      async ({ doc, req }) => {
        await queueWebhookDeliveries(req, { type: 'article.published', timestamp: new Date().toISOString(), data: { collection: 'articles', id: doc.id, tags: [`article:${doc.id}`] } })
        return doc
      },
    ],
  },
  fields: [{ name: 'title', type: 'text' }],
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!

const main = async () => {
  const app = await startTestApp({ label: 'bench_webhooks', collections: [Changes] })
  const receiver = await startReceiver()
  const { token } = await app.userToken('admin@bench.test', ['admin'])
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

    // 2. A change's latency with 0, then 10 subscribed endpoints (alternating rounds, to share the machine's noise).
    const timeChanges = async (count: number) => {
      const times: number[] = []
      for (let i = 0; i < count; i++) {
        const t = performance.now()
        const created = await app.rest('POST', '/api/bench-changes', { body: { title: `change ${i}` } })
        times.push(performance.now() - t)
        if (created.status !== 201) throw new Error(`create failed: ${created.status}`)
      }
      return times
    }
    const zero: number[] = []
    const ten: number[] = []
    const endpointIds: Array<number | string> = []
    await timeChanges(20) // warm-up
    for (let round = 0; round < 3; round++) {
      zero.push(...(await timeChanges(Math.ceil(CHANGES / 3))))
      for (let i = 0; i < 10; i++) {
        const created = await app.rest('POST', '/api/webhook-endpoints', { token, body: { url: `${receiver.url}?n=${i}`, events: ['article.published'] } })
        endpointIds.push(created.body.doc.id)
      }
      ten.push(...(await timeChanges(Math.ceil(CHANGES / 3))))
      for (const id of endpointIds.splice(0)) await app.rest('DELETE', `/api/webhook-endpoints/${id}`, { token })
    }

    const rows = [
      ['measure', 'value'],
      [`deliveries/s (${DELIVERIES} to a loopback receiver, ${BATCH} jobs a run)`, perSecond.toFixed(1)],
      ['change latency, 0 endpoints (median / p95 ms)', `${median(zero).toFixed(2)} / ${percentile(zero, 0.95).toFixed(2)}`],
      ['change latency, 10 endpoints (median / p95 ms)', `${median(ten).toFixed(2)} / ${percentile(ten, 0.95).toFixed(2)}`],
      ['extra per change with 10 endpoints (median ms)', (median(ten) - median(zero)).toFixed(2)],
    ]
    const width = Math.max(...rows.map((row) => row[0]!.length))
    console.log()
    for (const row of rows) console.log(`  ${row[0]!.padEnd(width)}  │  ${row[1]}`)
    console.log()
    console.log(`  database: ${app.database.kind}; change = REST create of a bench collection whose afterChange queues the event (no outbox hooks in this branch)`)

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
          changeLatencyMs: { changes: zero.length, zeroEndpoints: { median: median(zero), p95: percentile(zero, 0.95) }, tenEndpoints: { median: median(ten), p95: percentile(ten, 0.95) } },
          note: 'change = REST create whose afterChange calls queueWebhookDeliveries in the transaction; article publish hooks are not on this branch',
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
