import type { IncomingMessage, ServerResponse } from 'node:http'

import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import type { Payload } from 'payload'

import { parseRequestDeadlineMs } from '../database'
import { checkHealth } from './health'

/** Largest request bodies accepted: uploads to media, and everything else (JSON, forms). */
export const BODY_LIMITS = { upload: 25 * 1024 * 1024, default: 2 * 1024 * 1024 }

export interface HostAppOptions {
  /** Resolves the Payload instance (lazily: the first request may come before init finishes). */
  getPayload: () => Promise<Payload>
  /** Next's request handler (admin, REST, GraphQL). Absent in tests of the host alone. */
  nextHandler?: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void
  dev?: boolean
  /** An API request not answered within this many ms gets 503 with Retry-After (REQUEST_DEADLINE_MS, default 10 s). */
  requestDeadlineMs?: number
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
export const createHostApp = ({ getPayload, nextHandler, dev = false, requestDeadlineMs }: HostAppOptions): Express => {
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

  app.get('/healthz', async (_req, res) => {
    let health
    try {
      health = await checkHealth(await getPayload())
    } catch (error) {
      health = { status: 'error' as const, db: error instanceof Error ? error.message : 'unavailable' }
    }
    res.status(health.status === 'ok' ? 200 : 503).set('Cache-Control', 'no-store').json(health)
  })

  if (nextHandler) {
    app.use((req, res) => nextHandler(req, res))
  }
  return app
}
