/**
 * The Express host: `npm run dev` (development, schema pushed) and `npm start` (production, migrations).
 * Admin at /admin, REST at /api, GraphQL at /api/graphql, health at /healthz.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'
import { getPayload, type Payload } from 'payload'

import { parseDatabaseUri } from './database'
import { createHostApp } from './host/app'
import { closeDatabase } from './host/database'
import { resolvePayloadSecret } from './secret'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.env.NODE_ENV !== 'production'
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOST || '0.0.0.0'
const SHUTDOWN_GRACE_MS = 10_000

const fail = (message: string): never => {
  console.error(`payload-newsroom: ${message}`)
  process.exit(1)
}

const main = async () => {
  // Fail fast, with one clear line, before Next or Payload start.
  try {
    parseDatabaseUri(process.env.DATABASE_URI)
    process.env.PAYLOAD_SECRET = resolvePayloadSecret()
  } catch (error) {
    fail((error as Error).message)
  }

  const { default: configPromise } = await import('./payload.config')
  let payloadPromise: Promise<Payload> | undefined
  // Background jobs (scheduled publishing, re-stamping, notifications) run here unless NEWSROOM_RUN_JOBS=false.
  const cron = process.env.NEWSROOM_RUN_JOBS !== 'false'
  const payload = () => (payloadPromise ??= getPayload({ config: configPromise, cron }))
  await payload()

  const nextApp = next({ dev, dir: root, hostname: 'localhost', port })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()

  const app = createHostApp({ getPayload: payload, nextHandler: (req, res) => handle(req, res), dev })
  const server = app.listen(port, hostname, () => {
    console.log(`payload-newsroom ${dev ? 'development' : 'production'} server on http://localhost:${port}/admin`)
  })

  server.on('error', (error) => fail(`cannot listen on ${hostname}:${port}: ${error.message}`))
  // WebSocket upgrades (the development server's HMR at /_next/webpack-hmr) go through to Next.
  const upgrade = nextApp.getUpgradeHandler()
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/_next/')) void upgrade(req, socket, head)
    else socket.destroy()
  })

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`payload-newsroom: ${signal} received, finishing in-flight requests`)
    const force = setTimeout(() => {
      console.error('payload-newsroom: requests still open after the grace period; exiting')
      process.exit(1)
    }, SHUTDOWN_GRACE_MS)
    force.unref()
    server.close(async () => {
      try {
        await closeDatabase(await payload())
      } catch (error) {
        console.error('payload-newsroom: closing the database failed:', error)
      }
      console.log('payload-newsroom: stopped')
      process.exit(0)
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error) => {
  console.error('payload-newsroom: failed to start:', error)
  process.exit(1)
})
