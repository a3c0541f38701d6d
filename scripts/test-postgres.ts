/**
 * `npm run test:postgres`: the whole vitest suite on PostgreSQL. Each test file creates a throwaway database
 * on the server (and drops it afterwards). Server: TEST_POSTGRES_URI, or postgres://postgres@127.0.0.1:5432/postgres.
 */
import { spawnSync } from 'node:child_process'

import pg from 'pg'

const uri = process.env.TEST_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/postgres'

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

const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URI: uri },
})
process.exit(run.status ?? 1)
