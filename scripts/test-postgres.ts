/**
 * `npm run test:postgres`: the whole vitest suite on PostgreSQL. Each test file creates a throwaway database
 * on the server (and drops it afterwards). Server: TEST_POSTGRES_URI, or postgres://postgres@127.0.0.1:5432/postgres.
 *
 * `npm run test:postgres -- --replica` (or TEST_POSTGRES_REPLICA=1): the same suite with anonymous reads on a real
 * streaming replica of that server, started for the run (pg_basebackup -R, hot standby on a free port; see
 * test/helpers/replica.ts) and passed as DATABASE_REPLICA_URIS; each test file's app reads its own database there.
 * Needs the server's binaries (PG_BIN, default /usr/lib/postgresql/15/bin) and write access to its pg_hba.conf.
 */
import { spawnSync } from 'node:child_process'

import pg from 'pg'

import { startStreamingReplica, type StreamingReplica } from '../test/helpers/replica'

const uri = process.env.TEST_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/postgres'
const args = process.argv.slice(2)
const withReplica = args.includes('--replica') || process.env.TEST_POSTGRES_REPLICA === '1'
const vitestArgs = args.filter((arg) => arg !== '--replica')

const client = new pg.Client({ connectionString: uri, connectionTimeoutMillis: 5000 })
try {
  await client.connect()
  const { rows } = await client.query('select version()')
  console.log(`test:postgres on ${rows[0].version.split(',')[0]} (${uri.replace(/:[^:@/]*@/, ':***@')})`)
} catch (error) {
  console.error(`test:postgres: cannot reach PostgreSQL at ${uri}: ${(error as Error).message}`)
  console.error('Start it (see README, "PostgreSQL") or set TEST_POSTGRES_URI.')
  process.exit(1)
} finally {
  await client.end().catch(() => undefined)
}

let replica: StreamingReplica | undefined
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URI: uri }
delete env.DATABASE_REPLICA_URIS
if (withReplica) {
  const started = Date.now()
  try {
    replica = await startStreamingReplica(uri)
  } catch (error) {
    console.error(`test:postgres --replica: ${(error as Error).message}`)
    process.exit(1)
  }
  env.DATABASE_REPLICA_URIS = replica.uriFor(uri)
  console.log(`test:postgres: anonymous reads on a streaming replica at 127.0.0.1:${replica.port} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

// Ctrl-C reaches vitest too; the replica is stopped (and pg_hba.conf restored) once it has exited.
const ignore = () => undefined
if (replica) process.on('SIGINT', ignore).on('SIGTERM', ignore)
const run = spawnSync('npx', ['vitest', 'run', ...vitestArgs], { stdio: 'inherit', env })
if (replica) await replica.close().catch((error: Error) => console.error(`test:postgres: stopping the replica: ${error.message}`))
process.exit(run.status ?? 1)
