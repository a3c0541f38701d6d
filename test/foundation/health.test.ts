import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createHostApp } from '../../src/host/app'
import { startTestApp, type TestApp } from '../helpers/app'

let app: TestApp
let server: Server
let base: string

beforeAll(async () => {
  app = await startTestApp({ label: 'health' })
  server = createHostApp({ getPayload: async () => app.payload }).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.close()
  await app?.database.drop()
})

describe('the database connection', () => {
  const onSqlite = !process.env.DATABASE_URI || process.env.DATABASE_URI.startsWith('file:')
  it.runIf(onSqlite)('SQLite runs with the configured page cache (64 MB by default), not SQLite\'s 2 MB', async () => {
    const db = app.payload.db as any
    expect(db.name).toBe('sqlite')
    const result = await db.client.execute('PRAGMA cache_size')
    expect(Number(result.rows[0].cache_size)).toBe(-64 * 1024)
  })
})

describe('the Express host', () => {
  it('answers /healthz 200 after a database round trip', async () => {
    const response = await fetch(`${base}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' })
  })

  it('sends security headers, with a CSP', async () => {
    const response = await fetch(`${base}/healthz`)
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-powered-by')).toBeNull()
  })

  it('refuses request bodies over the limit with 413', async () => {
    const response = await fetch(`${base}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'x'.repeat(3 * 1024 * 1024) }),
    })
    expect(response.status).toBe(413)
  })

  it('answers 503 naming the database error when the database is gone', async () => {
    if (app.database.kind === 'postgres') {
      await app.database.drop()
    } else {
      // SQLite: close the connection under Payload's feet.
      ;(app.payload.db as unknown as { client: { close: () => void } }).client.close()
    }
    const response = await fetch(`${base}/healthz`)
    expect(response.status).toBe(503)
    const body = await response.json()
    expect(body.status).toBe('error')
    expect(typeof body.db).toBe('string')
    expect(body.db).not.toBe('ok')
  })
})
