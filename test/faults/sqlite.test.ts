/**
 * SQLite faults: the server killed with -9 in the middle of a stream of comments, and two server processes
 * writing to one database file. The file is this test's own, in a temp folder.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it } from 'vitest'

import { acknowledged, postNonce, sleep, startServer, steadyPoster, type Outcome, type RunningServer } from './harness'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-faults-sqlite-'))
const file = path.join(dir, 'newsroom.db')
const servers: RunningServer[] = []

afterAll(async () => {
  for (const server of servers) await server.kill()
  fs.rmSync(dir, { recursive: true, force: true })
})

const start = async (env: Record<string, string> = {}) => {
  const server = await startServer({ DATABASE_URI: `file:${file}`, FAULTS_FLOOD_LIMIT: '1000', ...env })
  servers.push(server)
  return server
}

/** Reads the file directly: integrity, the comments by nonce, and each article's stored count against its approved comments. */
const inspect = async () => {
  const db = createClient({ url: `file:${file}` })
  try {
    const integrity = await db.execute('PRAGMA integrity_check')
    const comments = await db.execute(`select body from comments where body like 'Comment nonce-%'`)
    const counts = await db.execute(
      `select a.id, coalesce(a.comment_count, 0) as stored,
              (select count(*) from comments c where c.article_id = a.id and c.status = 'approved') as approved
         from articles a`,
    )
    const byNonce = new Map<string, number>()
    for (const row of comments.rows) {
      const nonce = String(row.body).replace('Comment ', '')
      byNonce.set(nonce, (byNonce.get(nonce) ?? 0) + 1)
    }
    return {
      integrity: integrity.rows.map((row) => Object.values(row)[0]),
      byNonce,
      wrongCounts: counts.rows.filter((row) => Number(row.stored) !== Number(row.approved)),
    }
  } finally {
    db.close()
  }
}

describe('SQLite faults', () => {
  it('kill -9 during a stream of writes: integrity_check is ok and every acknowledged comment is there once', async () => {
    const first = await start()
    const poster = steadyPoster(first, 50)
    await sleep(4000)
    await first.kill('SIGKILL')
    const outcomes = await poster.stop()
    const second = await start({ FAULTS_ARTICLE_ID: first.articleId })
    const answered = await postNonce(second)
    const report = await inspect()
    const acked = acknowledged(outcomes)
    console.log(`sqlite kill -9: ${outcomes.length} posts, ${acked.length} acknowledged before the kill; after restart ${answered.status}`)
    expect(acked.length).toBeGreaterThan(5)
    expect(report.integrity).toEqual(['ok'])
    expect(acked.filter((o) => report.byNonce.get(o.nonce) !== 1)).toEqual([])
    expect(report.wrongCounts).toEqual([])
    expect(answered.status).toBe(201)
    await second.kill('SIGTERM')
  })

  it('two server processes on one file both write; SQLITE_BUSY never reaches a client', async () => {
    const one = await start({ FAULTS_ARTICLE_ID: '1' })
    const two = await start({ FAULTS_ARTICLE_ID: '1' })
    const outcomes: Outcome[] = []
    await Promise.all(
      [one, two, one, two].map(async (server) => {
        for (let i = 0; i < 15; i++) outcomes.push(await postNonce(server))
      }),
    )
    const report = await inspect()
    const statuses = outcomes.map((o) => o.status)
    console.log(`sqlite two processes: ${JSON.stringify(statuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {}))}`)
    expect(statuses.every((s) => s === 201)).toBe(true)
    expect(acknowledged(outcomes).filter((o) => report.byNonce.get(o.nonce) !== 1)).toEqual([])
    expect(report.integrity).toEqual(['ok'])
    expect(report.wrongCounts).toEqual([])
  })
})
