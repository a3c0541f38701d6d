import fs from 'node:fs'
import net from 'node:net'

/**
 * A TCP proxy between the server and a service (PostgreSQL, Redis) that breaks the link on command:
 * latency on every chunk the client sends, a stall (nothing forwarded either way), and resets of every open
 * connection. `tc netem` and Toxiproxy cannot run here; this is enough to make the drivers see real faults.
 */
export class FaultProxy {
  private server = net.createServer((client) => this.accept(client))
  private links = new Set<{ client: net.Socket; upstream: net.Socket }>()
  private nextLinkId = 1
  /** With FAULTS_PROXY_LOG=FILE: every chunk the server sends, as readable text with its connection's number, appended to FILE. */
  private logFile = process.env.FAULTS_PROXY_LOG
  private latencyMs = 0
  private resetOn: { pattern: RegExp; after?: string; armed: Set<number>; done: () => void } | undefined
  private stalled: Promise<void> | undefined
  private release: (() => void) | undefined
  port = 0

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as net.AddressInfo).port
    return this
  }

  private accept(client: net.Socket) {
    const upstream = net.connect(this.target.port, this.target.host)
    const link = { client, upstream }
    const linkId = this.nextLinkId++
    this.links.add(link)
    const close = () => {
      this.links.delete(link)
      client.destroy()
      upstream.destroy()
    }
    client.on('error', close).on('close', close)
    upstream.on('error', close).on('close', close)
    // Chunks keep their order: each waits for the one before it, then for the stall and the latency.
    let clientQueue = Promise.resolve()
    let upstreamQueue = Promise.resolve()
    client.on('data', (chunk) => {
      if (this.logFile) fs.appendFileSync(this.logFile, `${new Date().toISOString()} ${this.target.port} #${linkId} ${readable(chunk)}\n`)
      const trigger = this.resetOn
      const text = trigger ? chunk.toString('latin1') : ''
      // with `after`: only the connection that already sent that text (e.g. the comment's nonce) is a candidate
      if (trigger?.after !== undefined && text.includes(trigger.after)) trigger.armed.add(linkId)
      if (trigger && (trigger.after === undefined || trigger.armed.has(linkId)) && trigger.pattern.test(text)) {
        // the chunk never reaches the service: the link breaks exactly there
        if (this.logFile) fs.appendFileSync(this.logFile, `${new Date().toISOString()} ${this.target.port} #${linkId} RESET HERE\n`)
        this.resetOn = undefined
        client.resetAndDestroy()
        upstream.resetAndDestroy()
        trigger.done()
        return
      }
      const latency = this.latencyMs
      clientQueue = clientQueue.then(async () => {
        await this.stalled
        if (latency) await new Promise((resolve) => setTimeout(resolve, latency))
        if (!upstream.destroyed) upstream.write(chunk)
      })
    })
    upstream.on('data', (chunk) => {
      upstreamQueue = upstreamQueue.then(async () => {
        await this.stalled
        if (!client.destroyed) client.write(chunk)
      })
    })
  }

  /** Delay every chunk from the server to the service by this much (0: none). */
  setLatency(ms: number) {
    this.latencyMs = ms
  }

  /** Forward nothing, either way, for this long (connections stay open, as with a frozen service). */
  async stall(ms: number) {
    this.stalled = new Promise((resolve) => (this.release = resolve))
    await new Promise((resolve) => setTimeout(resolve, ms))
    this.release?.()
    this.stalled = undefined
  }

  /**
   * Resets the connection that next sends a chunk matching `pattern`, dropping that chunk; resolves when it happened.
   * With `after`, only a connection that has already sent a chunk containing that text counts: e.g. the COMMIT of
   * the transaction that inserted one comment, not that of another request or of a background job on the pool.
   */
  resetWhenSent(pattern: RegExp, options: { after?: string } = {}): Promise<void> {
    return new Promise((done) => (this.resetOn = { pattern, after: options.after, armed: new Set(), done }))
  }

  /** Reset every open connection (RST to both sides). */
  resetAll(): number {
    const count = this.links.size
    for (const { client, upstream } of [...this.links]) {
      client.resetAndDestroy()
      upstream.resetAndDestroy()
    }
    return count
  }

  get openConnections() {
    return this.links.size
  }

  async stop() {
    this.resetAll()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}

/** A PostgreSQL/Redis protocol chunk as text: printable runs kept, the rest shown as '.'. */
const readable = (chunk: Buffer) => chunk.toString('latin1').replace(/[^\x20-\x7e]+/g, '.')
