import { spawnSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

import { DatabaseUriError, parseDatabaseUri } from '../../src/database'

describe('DATABASE_URI selects the database', () => {
  it.each([
    [undefined, { kind: 'sqlite', url: 'file:./data/newsroom.db' }],
    ['', { kind: 'sqlite', url: 'file:./data/newsroom.db' }],
    ['file:./tmp/a.db', { kind: 'sqlite', url: 'file:./tmp/a.db', path: './tmp/a.db' }],
    ['file:/var/lib/newsroom.db', { kind: 'sqlite', path: '/var/lib/newsroom.db' }],
    ['postgres://u@127.0.0.1:5432/news', { kind: 'postgres', url: 'postgres://u@127.0.0.1:5432/news' }],
    ['postgresql://u@db/news', { kind: 'postgres' }],
    ['mongodb://127.0.0.1/news', { kind: 'mongodb' }],
    ['mongodb+srv://cluster.example.net/news', { kind: 'mongodb' }],
  ])('%s', (uri, expected) => {
    expect(parseDatabaseUri(uri)).toMatchObject(expected)
  })

  it.each(['mysql://root@localhost/news', 'redis://127.0.0.1', 'sqlite:news.db', 'news.db', 'file:'])(
    'refuses %s naming the accepted schemes',
    (uri) => {
      expect(() => parseDatabaseUri(uri)).toThrow(DatabaseUriError)
      expect(() => parseDatabaseUri(uri)).toThrow(/file:.*postgres:\/\/.*mongodb:\/\//)
    },
  )

  it('the server exits at once, non-zero, with one clear line for an unknown scheme', () => {
    const run = spawnSync('npx', ['tsx', 'src/server.ts'], {
      env: { ...process.env, DATABASE_URI: 'mysql://root@localhost/news' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.status).toBe(1)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/unsupported scheme "mysql:".*file:.*postgres:\/\/.*mongodb:\/\//)
  })
})
