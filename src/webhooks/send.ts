import http from 'node:http'
import https from 'node:https'

import { checkLiteralHost, guardedLookup, RefusedAddressError } from './address'

/** Every attempt ends within this time; a slower receiver counts as a failure. */
export const DELIVERY_TIMEOUT_MS = 10_000
/** How much of a response body a delivery record keeps. */
export const RESPONSE_SNIPPET_BYTES = 1024
/** Body bytes read before the connection is dropped (the rest is of no use to us). */
const MAX_READ_BYTES = 64 * 1024

export interface SendResult {
  /** HTTP status, absent when no response came (refused address, timeout, connection error). */
  statusCode?: number
  durationMs: number
  /** The first 1 KB of the response body, as text. */
  response: string
  retryAfter?: string
  error?: string
  /** True when the address was refused before sending (no request left this process). */
  refused?: boolean
}

export interface SendOptions {
  allowPrivate: boolean
  timeoutMs?: number
}

/**
 * POSTs one signed webhook. Never follows redirects (a 3xx is a failure like any non-2xx), refuses private
 * addresses at connection time, and gives up after the timeout.
 */
export const sendWebhookRequest = (url: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<SendResult> => {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  return new Promise<SendResult>((resolve) => {
    let settled = false
    let timer: NodeJS.Timeout | undefined
    const finish = (result: Omit<SendResult, 'durationMs'>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve({ ...result, durationMs: elapsed() })
    }
    let target: URL
    try {
      target = new URL(url)
      if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error(`unsupported protocol ${target.protocol}`)
      checkLiteralHost(target.hostname, options.allowPrivate)
    } catch (error) {
      settled = true
      resolve({ durationMs: elapsed(), response: '', error: (error as Error).message, refused: error instanceof RefusedAddressError })
      return
    }
    const client = target.protocol === 'https:' ? https : http
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'payload-newsroom-webhooks', 'content-length': Buffer.byteLength(body), ...headers },
        lookup: guardedLookup(options.allowPrivate) as never,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = []
        let read = 0
        const done = () =>
          finish({
            statusCode: response.statusCode,
            response: Buffer.concat(chunks).subarray(0, RESPONSE_SNIPPET_BYTES).toString('utf8'),
            retryAfter: typeof response.headers['retry-after'] === 'string' ? response.headers['retry-after'] : undefined,
          })
        response.on('data', (chunk: Buffer) => {
          if (read < RESPONSE_SNIPPET_BYTES) chunks.push(chunk)
          read += chunk.length
          if (read > MAX_READ_BYTES) {
            done()
            response.destroy()
          }
        })
        response.on('end', done)
        response.on('error', done)
        response.on('close', done)
      },
    )
    timer = setTimeout(() => request.destroy(new Error(`timed out after ${options.timeoutMs ?? DELIVERY_TIMEOUT_MS} ms`)), options.timeoutMs ?? DELIVERY_TIMEOUT_MS)
    request.on('error', (error) =>
      finish({ response: '', error: error.message, refused: error instanceof RefusedAddressError || error.name === 'RefusedAddressError' }),
    )
    request.end(body)
  })
}
