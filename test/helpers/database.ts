import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { parseDatabaseUri } from '../../src/database'

export interface TestDatabase {
  uri: string
  kind: 'sqlite' | 'postgres' | 'mongodb'
  drop: () => Promise<void>
}

/**
 * A database of its own for one test file. SQLite (default): a temp file. When `DATABASE_URI` names a
 * PostgreSQL server: a throwaway database on it, dropped afterwards. MongoDB: a throwaway database name.
 */
export const createTestDatabase = async (label = 'test'): Promise<TestDatabase> => {
  const suffix = `${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${crypto.randomBytes(4).toString('hex')}`
  const base = process.env.DATABASE_URI
  const choice = base ? parseDatabaseUri(base) : undefined
  if (choice?.kind === 'postgres') {
    const adminUrl = new URL(choice.url)
    const name = `newsroom_${suffix}`.slice(0, 60)
    const admin = new pg.Client({ connectionString: adminUrl.toString() })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    await admin.end()
    const uri = new URL(adminUrl)
    uri.pathname = `/${name}`
    return {
      kind: 'postgres',
      uri: uri.toString(),
      drop: async () => {
        const client = new pg.Client({ connectionString: adminUrl.toString() })
        await client.connect()
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
        await client.end()
      },
    }
  }
  if (choice?.kind === 'mongodb') {
    const uri = new URL(choice.url)
    uri.pathname = `/newsroom_${suffix}`
    return { kind: 'mongodb', uri: uri.toString(), drop: async () => undefined }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'))
  return {
    kind: 'sqlite',
    uri: `file:${path.join(dir, `${suffix}.db`)}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  }
}
