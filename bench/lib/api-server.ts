/**
 * The HTTP stack the API benchmark measures: the Express host of `npm start` (helmet, body limits, trust proxy)
 * with Payload's REST handler (`handleEndpoints`) in place of Next's route layer. Everything below Next — REST
 * routing, access, hooks, the pipeline, the database — is the production code path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

import { guardRequest } from '../../src/http/guardRequest'
import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'

import { createHostApp } from '../../src/host/app'

const toRequest = (req: IncomingMessage, base: string): Request => {
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(key, item))
    else if (value !== undefined) headers.set(key, value)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(new URL(req.url ?? '/', base), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // @ts-expect-error Node's fetch needs this for streamed bodies
    duplex: hasBody ? 'half' : undefined,
  })
}

const send = async (response: Response, res: ServerResponse) => {
  res.statusCode = response.status
  response.headers.forEach((value, key) => res.setHeader(key, value))
  res.end(Buffer.from(await response.arrayBuffer()))
}

export const startApiServer = async (config: Promise<SanitizedConfig>, payload: Payload) => {
  // The same guard as the Next API route, so the figures include it.
  const guarded = guardRequest((request: Request) => handleEndpoints({ config, request } as Parameters<typeof handleEndpoints>[0]))
  let inFlight = 0
  let drained: (() => void) | undefined
  const app = createHostApp({
    getPayload: async () => payload,
    nextHandler: async (req, res) => {
      inFlight++
      try {
        const response = await guarded(toRequest(req, 'http://127.0.0.1'))
        await send(response, res)
      } finally {
        inFlight--
        if (inFlight === 0) drained?.()
      }
    },
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    /** Resolves when no request is being handled (autocannon stops sending before the last answers arrive). */
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve))),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
