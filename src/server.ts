/**
 * The Express host: `npm run dev` (development, schema pushed) and `npm start` (production, migrations).
 * Admin at /admin, REST at /api, GraphQL at /api/graphql, health at /healthz.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'
import { getPayload, type Payload } from 'payload'

import { parseDatabaseUri, parseRequestDeadlineMs, parseSqliteCacheMB, redisKeyPrefix, SettingError } from './database'
import { createHostApp } from './host/app'
import { closeDatabase } from './host/database'
import { DEFAULT_SHUTDOWN_GRACE_SECONDS, drainJobs, drainRequests } from './host/drain'
import { revalidatedSitePages } from './host/siteCacheControl'
import { warmUpReadings } from './moderation'
import { parseObjectStorage } from './objectStorage'
import { resolvePayloadSecret } from './secret'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.env.NODE_ENV !== 'production'
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOST || '0.0.0.0'

/** `SHUTDOWN_GRACE_SECONDS`: unset → the default; otherwise a positive number of seconds. */
const parseGraceSeconds = (value: string | undefined): number => {
  if (value === undefined || value.trim() === '') return DEFAULT_SHUTDOWN_GRACE_SECONDS
  const seconds = Number(value)
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new SettingError(`SHUTDOWN_GRACE_SECONDS must be a positive number of seconds (default ${DEFAULT_SHUTDOWN_GRACE_SECONDS}), not "${value}"`)
  }
  return seconds
}

/**
 * `SITE_CACHE=off` (benchmarks, debugging) in production: every site request carries Next's draft-mode cookie, so
 * the pages of the full-route cache are rendered afresh on each request (and the CMS read uncached) instead of
 * served from the cache. Null otherwise.
 */
const siteCacheBypassCookie = (): string | null => {
  if (dev || process.env.SITE_CACHE !== 'off') return null
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'prerender-manifest.json'), 'utf8')) as { preview?: { previewModeId?: string } }
  return manifest.preview?.previewModeId ? `__prerender_bypass=${manifest.preview.previewModeId}` : null
}

const fail = (message: string): never => {
  console.error(`payload-newsroom: ${message}`)
  process.exit(1)
}

const main = async () => {
  // Fail fast, with one clear line, before Next or Payload start: loading them takes seconds (half a minute on a
  // busy machine), and a setting refused only inside that dynamic import raced the caller's timeout.
  let graceMs = DEFAULT_SHUTDOWN_GRACE_SECONDS * 1000
  let objectStorage: ReturnType<typeof parseObjectStorage> = undefined
  try {
    const database = parseDatabaseUri(process.env.DATABASE_URI)
    // The reader site's shared Next cache (src/site/nextCacheHandler.mjs, with REDIS_URL) lives in the site's Redis namespace.
    if (process.env.REDIS_URL) process.env.NEWSROOM_NEXT_CACHE_PREFIX = `${redisKeyPrefix(database, process.env.REDIS_PREFIX)}next:`
    const maxAge = process.env.SITE_CACHE_MAX_AGE_SECONDS
    if (maxAge !== undefined && maxAge.trim() !== '' && !(Number(maxAge) >= 1)) {
      throw new SettingError(`SITE_CACHE_MAX_AGE_SECONDS must be a number of seconds, at least 1 (default 86400), not "${maxAge}"`)
    }
    parseSqliteCacheMB(process.env.SQLITE_CACHE_MB)
    parseRequestDeadlineMs(process.env.REQUEST_DEADLINE_MS)
    process.env.PAYLOAD_SECRET = resolvePayloadSecret()
    objectStorage = parseObjectStorage(process.env)
    graceMs = parseGraceSeconds(process.env.SHUTDOWN_GRACE_SECONDS) * 1000
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
  const bypassCookie = siteCacheBypassCookie()

  let stopping = false
  const app = createHostApp({
    getPayload: payload,
    nextHandler: (req, res) => {
      if (bypassCookie) req.headers.cookie = req.headers.cookie ? `${req.headers.cookie}; ${bypassCookie}` : bypassCookie
      revalidatedSitePages(res)
      return handle(req, res)
    },
    dev,
    objectStorage,
    isDraining: () => stopping,
    conditionalFastPath: process.env.CONDITIONAL_FAST_PATH !== 'off',
  })
  const server = app.listen(port, hostname, () => {
    console.log(`payload-newsroom ${dev ? 'development' : 'production'} server on http://localhost:${port}/admin`)
  })

  server.on('error', (error) => fail(`cannot listen on ${hostname}:${port}: ${error.message}`))
  // The moderation engine's segmenter and word list load once here, not on the first reader's comment.
  setImmediate(warmUpReadings)
  // WebSocket upgrades (the development server's HMR at /_next/webpack-hmr) go through to Next.
  const upgrade = nextApp.getUpgradeHandler()
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/_next/')) void upgrade(req, socket, head)
    else socket.destroy()
  })

  // Drain: /readyz turns 503 and new requests are turned away at once; requests in flight and the running job
  // batch finish; then the database closes. Whatever is still open after the grace period is abandoned.
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`payload-newsroom: ${signal} received, finishing in-flight requests and the running job`)
    const force = setTimeout(() => {
      console.error(`payload-newsroom: still busy after the grace period (${graceMs / 1000} s); exiting`)
      process.exit(1)
    }, graceMs)
    force.unref()
    const instance = await payload()
    await Promise.all([drainRequests(server), drainJobs(instance)])
    try {
      await closeDatabase(instance)
    } catch (error) {
      console.error('payload-newsroom: closing the database failed:', error)
    }
    console.log('payload-newsroom: stopped')
    process.exit(0)
  }
  const stopOn = (signal: string) => () =>
    shutdown(signal).catch((error) => {
      console.error('payload-newsroom: stopping failed:', error)
      process.exit(1)
    })
  process.on('SIGTERM', stopOn('SIGTERM'))
  process.on('SIGINT', stopOn('SIGINT'))
}

main().catch((error) => {
  console.error('payload-newsroom: failed to start:', error)
  process.exit(1)
})
