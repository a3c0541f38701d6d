import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedWebhook {
  headers: Record<string, string>
  body: string
  /** The request's path and query (which of several endpoints on this receiver it was sent to). */
  path: string
  at: number
}

export interface Receiver {
  url: string
  port: number
  received: ReceivedWebhook[]
  /** Answers for the next requests, in order; once used up every request gets 200. */
  answers: Array<{ status: number; headers?: Record<string, string>; body?: string; delayMs?: number }>
  close: () => Promise<void>
}

/** A webhook receiver on loopback that records each request's headers and raw body. */
export const startReceiver = async (): Promise<Receiver> => {
  const received: ReceivedWebhook[] = []
  const answers: Receiver['answers'] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8'), path: req.url ?? '', at: Date.now() })
      const answer = answers.shift() ?? { status: 200, body: 'ok' }
      setTimeout(() => {
        res.writeHead(answer.status, answer.headers)
        res.end(answer.body ?? '')
      }, answer.delayMs ?? 0)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    answers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
