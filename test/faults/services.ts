import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { freePort } from '../helpers/ports'

const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin'

/**
 * A throwaway PostgreSQL cluster of the suite's own (initdb + pg_ctl in a temp folder, on a free port): the
 * shared server on 5432 is never stopped or reconfigured. initdb refuses root, so as root it runs as `postgres`.
 */
export class ThrowawayPostgres {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-faults-pg-'))
  port = 0

  private run(args: string[]) {
    const command = [path.join(PG_BIN, args[0]), ...args.slice(1)].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ')
    if (process.getuid?.() === 0) return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { encoding: 'utf8', stdio: 'pipe' })
    return execFileSync('/bin/sh', ['-c', command], { encoding: 'utf8', stdio: 'pipe' })
  }

  async init(settings: Record<string, string> = {}): Promise<this> {
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', this.dir])
    this.port = await freePort()
    this.run(['initdb', '-D', path.join(this.dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync'])
    const conf = {
      port: String(this.port),
      listen_addresses: "'127.0.0.1'",
      unix_socket_directories: `'${this.dir}'`,
      fsync: 'on',
      max_connections: '50',
      ...settings,
    }
    fs.appendFileSync(path.join(this.dir, 'data', 'postgresql.conf'), Object.entries(conf).map(([k, v]) => `${k} = ${v}\n`).join(''))
    this.start()
    return this
  }

  get uri() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`
  }

  start() {
    this.run(['pg_ctl', '-D', path.join(this.dir, 'data'), '-l', path.join(this.dir, 'log'), '-w', '-t', '60', 'start'])
  }

  /** `pg_ctl stop -m immediate`: every backend killed, no checkpoint; the next start replays the WAL. */
  stopImmediately() {
    this.run(['pg_ctl', '-D', path.join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop'])
  }

  /**
   * `pg_ctl stop -m immediate` without waiting for it; resolves when the cluster is down. While it runs, the caller
   * can finish off a process it had frozen (see {@link signalBackground}).
   */
  stopImmediatelyInBackground(): Promise<void> {
    const command = [path.join(PG_BIN, 'pg_ctl'), '-D', path.join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']
      .map((part) => `'${part}'`)
      .join(' ')
    const child =
      process.getuid?.() === 0 ? spawn('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'ignore' }) : spawn('/bin/sh', ['-c', command], { stdio: 'ignore' })
    return new Promise((resolve, reject) => child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl stop exited ${code}`)))))
  }

  /** The pid of one of this cluster's background processes (`pg_stat_activity.backend_type`, e.g. 'walwriter'). */
  async backgroundPid(backendType: 'walwriter' | 'checkpointer' | 'background writer'): Promise<number> {
    const rows = await this.query<{ pid: number }>(`select pid from pg_stat_activity where backend_type = '${backendType}'`)
    if (rows.length !== 1) throw new Error(`${rows.length} processes of type ${backendType} in the cluster on ${this.port}`)
    return rows[0].pid
  }

  /** Runs SQL on a connection of its own (not through the proxy or the server); returns the rows. */
  async query<Row extends Record<string, unknown>>(sql: string): Promise<Row[]> {
    const client = new pg.Client({ connectionString: this.uri })
    await client.connect()
    try {
      return (await client.query<Row>(sql)).rows
    } finally {
      await client.end()
    }
  }

  /** Changes settings that a reload applies (to sessions that did not set them themselves). */
  reload(settings: Record<string, string>) {
    fs.appendFileSync(path.join(this.dir, 'data', 'postgresql.conf'), Object.entries(settings).map(([k, v]) => `${k} = ${v}\n`).join(''))
    this.run(['pg_ctl', '-D', path.join(this.dir, 'data'), 'reload'])
  }

  destroy() {
    try {
      this.run(['pg_ctl', '-D', path.join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop'])
    } catch {
      // not running
    }
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}

/** A throwaway redis-server of the suite's own, on a free port, without persistence. */
export class ThrowawayRedis {
  port = 0
  private child: ChildProcess | undefined

  async start(port?: number): Promise<this> {
    this.port = port ?? this.port ?? (await freePort())
    if (!this.port) this.port = await freePort()
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    })
    for (let i = 0; i < 100; i++) {
      if (await canConnect(this.port)) return this
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`redis-server on ${this.port} did not start`)
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`
  }

  /** Ours only: `redis-cli CLIENT PAUSE` on the suite's own server. */
  pause(ms: number) {
    execFileSync('redis-cli', ['-p', String(this.port), 'CLIENT', 'PAUSE', String(ms), 'ALL'])
  }

  async stop() {
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
