import type { AddressInfo } from 'node:net'

import { describe, expect, it } from 'vitest'

import { createHostApp } from '../../src/host/app'
import { answerUnavailableWith503, isUnavailableError } from '../../src/host/unavailable'

describe('errors of a database or Redis that does not answer', () => {
  it.each([
    ['PostgreSQL shutting down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a drizzle error wrapping a terminated connection', new Error('Failed query: insert …', { cause: new Error('Connection terminated unexpectedly') })],
    ['the pool gave no connection in time', new Error('timeout exceeded when trying to connect')],
    ['ioredis gave up', Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' })],
    ['SQLite stayed locked', Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' })],
  ])('%s → 503 with Retry-After', async (_label, error) => {
    expect(isUnavailableError(error)).toBe(true)
    const req = {} as { responseHeaders?: Headers }
    const result = await answerUnavailableWith503({ error, req } as never)
    expect(result).toMatchObject({ status: 503 })
    expect(req.responseHeaders?.get('retry-after')).toBe('5')
  })

  it.each([
    ['a validation error', Object.assign(new Error('The following field is invalid: body'), { status: 400 })],
    ['a unique violation', Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('%s is left as it is', async (_label, error) => {
    expect(isUnavailableError(error)).toBe(false)
    expect(await answerUnavailableWith503({ error, req: {} } as never)).toBeUndefined()
  })
})

describe('the request deadline', () => {
  it('an API request unanswered after the deadline gets 503 with Retry-After; the late answer is dropped; other paths wait', async () => {
    let late: Promise<void> | undefined
    const app = createHostApp({
      getPayload: async () => {
        throw new Error('not used')
      },
      requestDeadlineMs: 300,
      nextHandler: (_req, res) => {
        late = new Promise((resolve) =>
          setTimeout(() => {
            res.statusCode = 201
            res.end('late')
            resolve()
          }, 800),
        )
      },
    })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const started = Date.now()
      const response = await fetch(`${base}/api/comments`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toBe('5')
      expect((await response.json()).errors[0].message).toMatch(/No answer within 0.3 s/)
      expect(Date.now() - started).toBeLessThan(800)
      await late
      const page = await fetch(`${base}/news/a-story`)
      expect(page.status).toBe(201)
      expect(await page.text()).toBe('late')
    } finally {
      server.close()
    }
  })
})

describe('the admin while the database is gone', () => {
  const serve = async (count: () => Promise<number>) => {
    const reached: string[] = []
    const app = createHostApp({
      getPayload: async () => ({ count }) as never,
      nextHandler: (req, res) => {
        reached.push(`${req.method} ${req.url}`)
        res.end('the admin')
      },
    })
    const server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, reached, close: () => server.close() }
  }

  it('answers its pages with a clear 503 page (not a blank one) and lets them through when the database answers', async () => {
    const down = await serve(() => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' })))
    try {
      const page = await fetch(`${down.base}/admin/collections/comments`, { headers: { accept: 'text/html' } })
      expect(page.status).toBe(503)
      expect(page.headers.get('content-type')).toMatch(/^text\/html/)
      expect(page.headers.get('retry-after')).toBe('5')
      const html = await page.text()
      expect(html).toContain('The admin is unavailable: the database is not answering')
      // the database's address stays out of a public page
      expect(html).not.toContain('10.0.0.5')
      // the API keeps its own JSON answers; the admin's server actions (POST) are not pages
      await fetch(`${down.base}/api/comments`)
      await fetch(`${down.base}/admin`, { method: 'POST', body: '' })
      expect(down.reached).toEqual(['GET /api/comments', 'POST /admin'])
    } finally {
      down.close()
    }
    const up = await serve(async () => 1)
    try {
      const page = await fetch(`${up.base}/admin`)
      expect(page.status).toBe(200)
      expect(await page.text()).toBe('the admin')
    } finally {
      up.close()
    }
  })
})
