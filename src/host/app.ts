import type { IncomingMessage, ServerResponse } from 'node:http'

import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import type { Payload } from 'payload'

import { parseRequestDeadlineMs } from '../database'
import type { ObjectStorageSettings } from '../objectStorage'
import { kickOutbox } from '../outbox'
import { guardAdminPages } from './adminUnavailable'
import { answerPublicNotModified } from './conditionalReads'
import { checkHealth } from './health'
import { checkReadiness } from './readiness'
import { isPublicRead, readFromReplicas } from './replicas'

/** Largest request bodies accepted: uploads to media, and everything else (JSON, forms). */
export const BODY_LIMITS = { upload: 25 * 1024 * 1024, default: 2 * 1024 * 1024 }

export interface HostAppOptions {
  /** Resolves the Payload instance (lazily: the first request may come before init finishes). */
  getPayload: () => Promise<Payload>
  /** Next's request handler (admin, REST, GraphQL). Absent in tests of the host alone. */
  nextHandler?: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void
  dev?: boolean
  /** Object storage to check in /readyz (media in S3); absent → local disk, nothing to check. */
  objectStorage?: ObjectStorageSettings
  /** True once the instance is stopping: /readyz answers 503 and new requests are turned away. */
  isDraining?: () => boolean
  /** An API request not answered within this many ms gets 503 with Retry-After (REQUEST_DEADLINE_MS, default 10 s). */
  requestDeadlineMs?: number
  /**
   * Answer anonymous conditional reads of the thread and the counts with 304 in the host, before Next (default true;
   * CONDITIONAL_FAST_PATH=off turns it off, to compare or to rule it out).
   */
  conditionalFastPath?: boolean
}

/**
 * Answers 503 with Retry-After when an API request is still unanswered after `ms` (a database adding seconds per
 * query would otherwise keep readers waiting for half a minute). The work in flight goes on and its late
 * answer is dropped, so the outcome of a write that timed out is unknown to the client, as a 503 says.
 */
export const respondWithin = (ms: number) => (req: Request, res: Response, next: NextFunction) => {
  if (!/^\/api(\/|$|\?)/.test(req.originalUrl) || !(ms > 0)) return next()
  const timer = setTimeout(() => {
    if (res.headersSent) return
    res.status(503).set('Retry-After', '5').set('Cache-Control', 'no-store')
    res.json({ errors: [{ message: `No answer within ${ms / 1000} s (the database is slow or unavailable); try again shortly.` }] })
    // The handler still running must not write into the finished response.
    res.writeHead = (() => res) as unknown as typeof res.writeHead
    res.setHeader = (() => res) as unknown as typeof res.setHeader
    res.write = (() => true) as unknown as typeof res.write
    res.end = (() => res) as unknown as typeof res.end
  }, ms)
  timer.unref()
  res.once('close', () => clearTimeout(timer))
  res.once('finish', () => clearTimeout(timer))
  next()
}

/**
 * Content-Security-Policy the admin panel works under: Next streams its RSC payload in inline scripts and
 * the admin uses inline styles, so those are allowed; everything else stays on our own origin.
 */
export const contentSecurityPolicy = (dev: boolean) => ({
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
    mediaSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'self'"],
    formAction: ["'self'"],
    ...(dev ? {} : { upgradeInsecureRequests: null }),
  },
})

const isUpload = (req: Request) => /^\/api\/media(\/|$|\?)/.test(req.originalUrl)

/** Refuses bodies over the limit before anything reads them: 413, or 411 for bodies of unknown length. */
export const limitBodySize = (req: Request, res: Response, next: NextFunction) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
  const limit = isUpload(req) ? BODY_LIMITS.upload : BODY_LIMITS.default
  const header = req.headers['content-length']
  if (header === undefined) {
    if (req.headers['transfer-encoding']) {
      res.status(411).json({ errors: [{ message: 'A request body needs a Content-Length header.' }] })
      return
    }
    return next()
  }
  const length = Number(header)
  if (!Number.isFinite(length) || length > limit) {
    res.status(413).json({ errors: [{ message: `Request body too large: the limit is ${limit} bytes.` }] })
    return
  }
  next()
}

/** The Express host: security headers, body limits, `/healthz`, and everything else to Next. */
export const createHostApp = ({
  getPayload,
  nextHandler,
  dev = false,
  requestDeadlineMs,
  objectStorage,
  isDraining = () => false,
  conditionalFastPath = true,
}: HostAppOptions): Express => {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback')
  app.use(
    helmet({
      contentSecurityPolicy: contentSecurityPolicy(dev),
      // The admin loads its own fonts and images; cross-origin embedder policy would block media previews.
      crossOriginEmbedderPolicy: false,
      hsts: !dev,
    }),
  )
  app.use(limitBodySize)
  app.use(respondWithin(requestDeadlineMs ?? parseRequestDeadlineMs(process.env.REQUEST_DEADLINE_MS)))
  // After a write's response is sent (its transaction committed), dispatch the outbox now rather than at the next tick.
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS' && req.path.startsWith('/api/')) {
      res.on('finish', () => {
        if (res.statusCode < 400) void getPayload().then(kickOutbox, () => undefined)
      })
    }
    next()
  })

  app.get('/healthz', async (_req, res) => {
    let health
    try {
      health = await checkHealth(await getPayload())
    } catch (error) {
      health = { status: 'error' as const, db: error instanceof Error ? error.message : 'unavailable' }
    }
    res.status(health.status === 'ok' ? 200 : 503).set('Cache-Control', 'no-store').json(health)
  })

  // For the load balancer: 200 when every engine answers and the instance is not stopping; 503 naming what is not.
  app.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store')
    if (isDraining()) {
      res.status(503).json({ status: 'draining', failing: [] })
      return
    }
    let readiness
    try {
      readiness = await checkReadiness(await getPayload(), objectStorage)
    } catch (error) {
      const message = error instanceof Error ? error.message : 'unavailable'
      readiness = { status: 'unready', failing: ['database'], database: message }
    }
    res.status(readiness.status === 'ready' ? 200 : 503).json(readiness)
  })

  // A stopping instance answers what it already took and turns new requests away, so the balancer retries elsewhere.
  app.use((_req, res, next) => {
    if (!isDraining()) return next()
    res.set('Connection', 'close').set('Retry-After', '1').status(503).json({ errors: [{ message: 'This instance is stopping: retry.' }] })
  })

  if (nextHandler) {
    // An anonymous conditional read of the thread or the counts whose tag still holds: 304 here, before Next.
    if (conditionalFastPath) app.use(answerPublicNotModified(getPayload))
    // While the database is gone the admin says so, rather than showing Next's bare error page.
    app.use(guardAdminPages(getPayload))
    // Anonymous reads may be answered from a read replica; everything else reads the primary.
    app.use((req, res) =>
      isPublicRead(req.method, req.originalUrl, req.headers) ? readFromReplicas(() => nextHandler(req, res)) : nextHandler(req, res),
    )
  }
  return app
}
