import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { freePort } from './ports'

/** PostgreSQL binaries of the local cluster (Debian layout); `PG_BIN` overrides. */
const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin'
const HBA_MARK = '# newsroom replica test'

export interface StreamingReplica {
  port: number
  /** The same database's address on the replica. */
  uriFor: (primaryUri: string) => string
  /** `pg_wal_replay_pause()`: the replica stops applying the primary's changes. */
  pause: () => Promise<void>
  /** `pg_wal_replay_resume()`, then waits until the replica has applied everything the primary wrote. */
  resume: () => Promise<void>
  /** Waits until the replica has applied everything the primary has written so far. */
  catchUp: () => Promise<void>
  close: () => Promise<void>
}

/** PostgreSQL refuses to run as root: run its tools as the postgres user then. */
const asPostgres = (command: string, args: string[]) => {
  const runAsRoot = process.getuid?.() === 0
  return execFileSync(runAsRoot ? 'runuser' : command, runAsRoot ? ['-u', 'postgres', '--', command, ...args] : args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

const query = async (uri: string, sql: string) => {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    return (await client.query(sql)).rows
  } finally {
    await client.end()
  }
}

export interface ReplayWaiter {
  /** Waits until the replica has applied everything the primary had written when called (30 s at most). */
  wait: () => Promise<void>
  close: () => Promise<void>
}

/**
 * Compares the primary's WAL position with what the replica has replayed, over one connection to each (kept, so a
 * test can wait before every anonymous read without opening connections each time).
 */
export const createReplayWaiter = (primaryUri: string, replicaUri: string): ReplayWaiter => {
  const primary = new pg.Pool({ connectionString: primaryUri, max: 1, idleTimeoutMillis: 5000, allowExitOnIdle: true })
  const replica = new pg.Pool({ connectionString: replicaUri, max: 1, idleTimeoutMillis: 5000, allowExitOnIdle: true })
  // a server that ends the connection (a restart, a test database dropped WITH (FORCE)) must not crash the run
  for (const pool of [primary, replica]) pool.on('error', () => undefined)
  return {
    wait: async () => {
      const { rows: [{ lsn }] } = await primary.query('SELECT pg_current_wal_lsn() AS lsn')
      for (let attempt = 0; attempt < 1500; attempt++) {
        const { rows: [{ behind }] } = await replica.query('SELECT pg_wal_lsn_diff($1, pg_last_wal_replay_lsn()) > 0 AS behind', [lsn])
        if (!behind) return
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      throw new Error('the replica did not catch up within 30 s')
    },
    close: async () => {
      await Promise.all([primary.end(), replica.end()])
    },
  }
}

/**
 * A real streaming replica of the local PostgreSQL: `pg_basebackup -R` into a temp dir, started with hot standby
 * on a free port. The primary's pg_hba.conf gets a `replication` line for the run (with a reload, never a
 * restart); close() stops the replica, removes the folder and takes the line out again.
 */
export const startStreamingReplica = async (primaryUri: string): Promise<StreamingReplica> => {
  const primary = new URL(primaryUri)
  const adminUri = new URL(primaryUri)
  adminUri.pathname = '/postgres'
  const [{ hba_file: hbaFile }] = await query(adminUri.toString(), 'SHOW hba_file')
  const hbaBefore = fs.readFileSync(hbaFile, 'utf8')
  const line = `host replication all 127.0.0.1/32 trust ${HBA_MARK} ${process.pid}\n`
  const restoreHba = async () => {
    const current = fs.readFileSync(hbaFile, 'utf8')
    // take out only our line: others may have changed the file meanwhile
    fs.writeFileSync(hbaFile, current.split('\n').filter((entry) => !entry.includes(`${HBA_MARK} ${process.pid}`)).join('\n'))
    await query(adminUri.toString(), 'SELECT pg_reload_conf()')
  }
  fs.writeFileSync(hbaFile, `${hbaBefore.endsWith('\n') || !hbaBefore ? hbaBefore : `${hbaBefore}\n`}${line}`)
  await query(adminUri.toString(), 'SELECT pg_reload_conf()')

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-replica-'))
  const data = path.join(folder, 'data')
  const port = await freePort()
  let started = false
  const stop = async () => {
    if (started) {
      try {
        asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'])
      } catch {
        // already stopped
      }
    }
    fs.rmSync(folder, { recursive: true, force: true })
    await restoreHba()
  }
  try {
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', folder])
    asPostgres(path.join(PG_BIN, 'pg_basebackup'), [
      '-h', primary.hostname, '-p', primary.port || '5432', '-U', decodeURIComponent(primary.username || 'postgres'),
      '-D', data, '-R', '-X', 'stream', '-c', 'fast',
    ])
    // Debian keeps the configuration outside the data folder: give the replica its own.
    fs.writeFileSync(
      path.join(data, 'postgresql.conf'),
      [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${folder}'`, 'hot_standby = on', 'max_connections = 100', "shared_buffers = '32MB'", ''].join('\n'),
    )
    fs.writeFileSync(path.join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n')
    fs.writeFileSync(path.join(data, 'pg_ident.conf'), '')
    if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', data])
    asPostgres(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', path.join(folder, 'replica.log'), '-w', '-t', '60', 'start'])
    started = true
  } catch (error) {
    const log = path.join(folder, 'replica.log')
    const detail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : ''
    await stop()
    throw new Error(`could not start the streaming replica: ${(error as Error).message}\n${detail}`)
  }

  const uriFor = (uri: string) => {
    const url = new URL(uri)
    url.hostname = '127.0.0.1'
    url.port = String(port)
    return url.toString()
  }
  const replicaAdmin = uriFor(adminUri.toString())

  const replay = createReplayWaiter(adminUri.toString(), replicaAdmin)
  const catchUp = () => replay.wait()

  await catchUp()
  return {
    port,
    uriFor,
    pause: async () => {
      await query(replicaAdmin, 'SELECT pg_wal_replay_pause()')
    },
    resume: async () => {
      await query(replicaAdmin, 'SELECT pg_wal_replay_resume()')
      await catchUp()
    },
    catchUp,
    close: async () => {
      await replay.close()
      await stop()
    },
  }
}
