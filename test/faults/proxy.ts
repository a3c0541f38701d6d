import net from 'node:net'

/**
 * A TCP proxy between the server and a service (PostgreSQL, Redis) that breaks the link on command:
 * latency on every chunk the client sends, a stall (nothing forwarded either way), and resets of every open
 * connection. `tc netem` and Toxiproxy cannot run here; this is enough to make the drivers see real faults.
 */
export class FaultProxy {
  private server = net.createServer((client) => this.accept(client))
  private links = new Set<{ client: net.Socket; upstream: net.Socket }>()
  private latencyMs = 0
  private resetOn: { pattern: RegExp; done: () => void } | undefined
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
      const trigger = this.resetOn
      if (trigger && trigger.pattern.test(chunk.toString('latin1'))) {
        // the chunk never reaches the service: the link breaks exactly there
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

  /** Resets the connection that next sends a chunk matching `pattern`, dropping that chunk; resolves when it happened. */
  resetWhenSent(pattern: RegExp): Promise<void> {
    return new Promise((done) => (this.resetOn = { pattern, done }))
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
