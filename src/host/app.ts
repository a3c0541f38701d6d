import type { IncomingMessage, ServerResponse } from 'node:http'

import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import type { Payload } from 'payload'

import { kickOutbox } from '../outbox'
import { checkHealth } from './health'

/** Largest request bodies accepted: uploads to media, and everything else (JSON, forms). */
export const BODY_LIMITS = { upload: 25 * 1024 * 1024, default: 2 * 1024 * 1024 }

export interface HostAppOptions {
  /** Resolves the Payload instance (lazily: the first request may come before init finishes). */
  getPayload: () => Promise<Payload>
  /** Next's request handler (admin, REST, GraphQL). Absent in tests of the host alone. */
  nextHandler?: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void
  dev?: boolean
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
export const createHostApp = ({ getPayload, nextHandler, dev = false }: HostAppOptions): Express => {
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

  if (nextHandler) {
    app.use((req, res) => nextHandler(req, res))
  }
  return app
}
