/**
 * The server the fault suite breaks: the real host (src/host/app.ts: /healthz, body limits, request deadline) and
 * Payload's own REST handler behind it (what the Next route calls), without Next's compiler so it starts in
 * seconds. Runs as a child process of the test, so it can be killed with -9 and its pid shows it was never
 * restarted. Prints one line `READY {"port":…,"articleId":…}` when it answers.
 */
import crypto from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { getPayload, handleEndpoints } from 'payload'

import { createNewsroomConfig } from '../../src/config'
import { createHostApp } from '../../src/host/app'

// Where the start got to, printed if the process exits before READY: a restart after kill -9 once exited with code
// 13 (a top-level await that never settled) and no output at all, and could not be made to happen again.
let step = 'loading modules'
let ready = false
process.on('exit', (code) => {
  if (!ready) process.stderr.write(`faults server: exited with code ${code} before READY, during: ${step}\n`)
})

step = 'building the config'
const configPromise = createNewsroomConfig({
  databaseUri: process.env.DATABASE_URI,
  secret: process.env.PAYLOAD_SECRET || crypto.randomBytes(24).toString('hex'),
  redisUrl: process.env.REDIS_URL || undefined,
  push: true,
})
step = 'starting Payload (connect, schema push, onInit)'
const payload = await getPayload({ config: configPromise, cron: false })
step = 'Payload started'

const restHandler = async (req: IncomingMessage, res: ServerResponse) => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item)
  }
  const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined
  const response = await handleEndpoints({
    config: configPromise,
    request: new Request(`http://localhost${req.url}`, { method: req.method, headers, body }),
  } as Parameters<typeof handleEndpoints>[0])
  const bytes = Buffer.from(await response.arrayBuffer())
  if (res.headersSent) return
  res.statusCode = response.status
  response.headers.forEach((value, name) => res.setHeader(name, value))
  res.end(bytes)
}

let articleId = process.env.FAULTS_ARTICLE_ID
if (!articleId) {
  step = 'creating the settings and the article'
  await payload.updateGlobal({
    slug: 'moderation-settings',
    data: { mode: 'post', floodLimitPerMinute: Number(process.env.FAULTS_FLOOD_LIMIT || 5), honeypot: false } as never,
    overrideAccess: true,
  })
  const article = await payload.create({
    collection: 'articles',
    data: { title: 'Fault suite story', origin: 'original', _status: 'published' } as never,
    overrideAccess: true,
  })
  articleId = String(article.id)
}

step = 'listening'
const app = createHostApp({ getPayload: async () => payload, nextHandler: restHandler })
const server = app.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  ready = true
  const address = server.address() as { port: number }
  console.log(`READY ${JSON.stringify({ port: address.port, articleId, pid: process.pid })}`)
})
